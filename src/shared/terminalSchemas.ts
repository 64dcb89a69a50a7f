/** Inputs of the terminal methods, streams and signals (see contract.ts). */
import { z } from 'zod'
import { containerRef } from './schemas'
import { DETACH_KEYS_PATTERN } from './terminal'

const cols = z.number().int().min(2).max(1000)
const rows = z.number().int().min(1).max(500)
export const terminalId = z.number().int().min(1).max(0xffffffff)

/** KEY=VALUE, as `docker exec -e` takes it. */
const envEntry = z
  .string()
  .max(32 * 1024)
  .regex(/^[^=\s][^=]*=/, 'An environment entry is KEY=VALUE')

export const execInput = z
  .object({
    container: containerRef,
    /** argv; empty picks bash when the container has it, else sh. */
    command: z.array(z.string().max(4096)).max(256).optional(),
    user: z
      .string()
      .trim()
      .max(256)
      .regex(/^[\w.-]*(:[\w.-]+)?$/, 'A user is name, uid, name:group or uid:gid')
      .optional(),
    workdir: z
      .string()
      .trim()
      .max(4096)
      .refine((p) => p === '' || p.startsWith('/'), 'The working directory is an absolute path inside the container')
      .optional(),
    env: z.array(envEntry).max(256).optional(),
    cols,
    rows,
  })
  .strict()

export const attachInput = z
  .object({
    container: containerRef,
    detachKeys: z
      .string()
      .trim()
      .regex(DETACH_KEYS_PATTERN, 'Detach keys are like ctrl-p,ctrl-q: ctrl-<letter> or single characters, comma-separated')
      .optional(),
    cols,
    rows,
  })
  .strict()

export const hostShellInput = z.object({ cols, rows }).strict()

export const terminalRef = z.object({ id: terminalId }).strict()

export const terminalOutputInput = z
  .object({
    id: terminalId,
    /** Chosen by the viewer; acknowledgements name it so each viewer has its own window. */
    viewer: z.string().regex(/^[\w-]{1,64}$/),
  })
  .strict()

export const terminalResize = z.object({ id: terminalId, cols, rows }).strict()

/** Bytes the viewer has finished rendering: main reads more from the engine as they come in. */
export const terminalAck = z
  .object({
    id: terminalId,
    viewer: z.string().regex(/^[\w-]{1,64}$/),
    bytes: z
      .number()
      .int()
      .min(0)
      .max(64 * 1024 * 1024),
  })
  .strict()

/** Keystrokes and pastes; binary frames on the WebSocket, Uint8Array over IPC. */
export const terminalInput = z
  .object({
    id: terminalId,
    data: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'Input is bytes')
      .refine((d) => d.byteLength <= 1024 * 1024, 'At most 1 MiB per input message'),
  })
  .strict()
