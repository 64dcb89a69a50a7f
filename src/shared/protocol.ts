/**
 * Wire messages of the browser-mode WebSocket. Electron IPC carries the same payloads
 * through ipcRenderer.invoke and per-subscription events, so only this transport needs
 * explicit framing. Main validates every client message with `clientMessage`. Bytes
 * (terminal output and input) travel in binary frames, see `encodeFrame` in terminal.ts;
 * everything else is JSON text.
 */
import { z } from 'zod'
import type { ErrorData } from './errors'

const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
/** The engine an engine-scoped method or stream acts on; app-wide ones carry none. */
const engine = z.string().max(100).optional()

export const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id, method: z.string().max(100), input: z.unknown(), engine }).strict(),
  z.object({ t: z.literal('sub'), id, stream: z.string().max(100), input: z.unknown(), engine }).strict(),
  z.object({ t: z.literal('unsub'), id }).strict(),
  /** Fire-and-forget (contract `signals`); never answered. Terminal input travels as binary frames instead. */
  z.object({ t: z.literal('signal'), name: z.string().max(100), input: z.unknown() }).strict(),
])

export type ClientMessage = z.infer<typeof clientMessage>

export type ServerMessage =
  | { t: 'result'; id: number; ok: true; result: unknown }
  | { t: 'result'; id: number; ok: false; error: ErrorData }
  | { t: 'event'; id: number; data: unknown }
  /** Events of several subscriptions, in the order they were emitted (paced streams, see main's eventPacer). */
  | { t: 'events'; events: Array<[id: number, data: unknown]> }
  | { t: 'end'; id: number; error?: ErrorData }
  /** A message that could not be read at all; the socket stays open. */
  | { t: 'protocol-error'; error: ErrorData }
