/** Inputs of the Engine pane's calls and streams (E5), checked in main before anything runs. */
import { z } from 'zod'

/** The event types Docker and Podman send (`docker events --filter type=…`; pod and system are Podman's). */
export const EVENT_TYPES = [
  'container',
  'image',
  'volume',
  'network',
  'daemon',
  'plugin',
  'node',
  'service',
  'secret',
  'config',
  'builder',
  'pod',
  'system',
] as const

export const engineEventsInput = z
  .object({
    /** Only these types; every type when absent. */
    types: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length).optional(),
    /** Only these actions (`start`, `die`, `exec_start`…; an action's detail after ":" is not compared). */
    actions: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-z][a-z_-]*$/i, 'An action is a word such as start, die or exec_start')
          .max(64),
      )
      .min(1)
      .max(32)
      .optional(),
  })
  .strict()

export const buildCachePruneInput = z
  .object({
    /** false: what `docker builder prune` removes; true: every unused record (`-a`). */
    all: z.boolean(),
  })
  .strict()
