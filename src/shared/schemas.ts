import { z } from 'zod'
import { SIGNAL_PATTERN } from './patterns'

/**
 * A container is addressed by its id (or an unambiguous id prefix) or its name.
 * The engine allows names matching [a-zA-Z0-9][a-zA-Z0-9_.-]+; ids are hex.
 */
export const containerRef = z
  .string()
  .trim()
  .min(1, 'A container id or name is required')
  .max(255, 'A container id or name is at most 255 characters')
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid container id or name')

export const empty = z.object({}).strict()

export const containerTarget = z.object({ id: containerRef }).strict()

export const stopInput = z
  .object({
    id: containerRef,
    /** Seconds to wait after SIGTERM before SIGKILL. */
    timeout: z.number().int().min(0).max(3600).optional(),
  })
  .strict()

export const removeInput = z
  .object({
    id: containerRef,
    force: z.boolean().optional(),
    /** Also remove the container's anonymous volumes. */
    volumes: z.boolean().optional(),
  })
  .strict()

export const killInput = z
  .object({
    id: containerRef,
    /** A signal name (SIGKILL, KILL, SIGRTMIN+3) or number; the engine default is SIGKILL. */
    signal: z.string().trim().regex(SIGNAL_PATTERN, 'Not a signal name or number, e.g. SIGTERM, HUP or 9').optional(),
  })
  .strict()

export const pruneInput = z
  .object({
    /** Only containers carrying these labels, as `key` or `key=value` (docker's --filter label=…). */
    labels: z.array(z.string().min(1).max(512)).max(16).optional(),
  })
  .strict()
