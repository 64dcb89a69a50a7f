/**
 * Terminal sessions as both sides see them. Output is bytes end to end: main never
 * decodes it (xterm.js keeps multi-byte characters whole across chunks and shows invalid
 * UTF-8 as U+FFFD); the browser-mode WebSocket carries it in binary frames.
 */

export type TerminalKind = 'exec' | 'attach' | 'host'

/** Why a session ended. */
export type TerminalEndReason =
  /** The process exited on its own (exitCode says how). */
  | 'exited'
  /** Attach only: the detach keys were typed; the container keeps running. */
  | 'detached'
  /** The container stopped or was removed under the session. */
  | 'container-stopped'
  /** The engine went away. */
  | 'engine-lost'
  /** The user closed the tab (or the app closed the session). */
  | 'closed'

export interface TerminalStatus {
  state: 'open' | 'ended'
  reason?: TerminalEndReason
  exitCode?: number | null
}

export interface TerminalInfo {
  /** Small integer, unique for the life of the Wharf process; keys binary frames. */
  id: number
  kind: TerminalKind
  /** The engine it runs on (its id); a host shell's DOCKER_HOST points at it. */
  engine: string
  /** Container name (or host name) and command, for the tab. */
  title: string
  command: string
  container?: { id: string; name: string }
  /** Attach to a container without a TTY: output only, typing is not passed on. */
  readOnly: boolean
  /** Attach: the key sequence that detaches, as docker spells it (ctrl-p,ctrl-q). */
  detachKeys?: string
  /** Exec: what it was opened with, so an ended tab can be opened again as it was. */
  exec?: { command?: string[]; user?: string; workdir?: string; env?: string[] }
  status: TerminalStatus
  createdAt: number
}

/**
 * One event of a `terminals.output` stream: output bytes; `start`, which opens every
 * (re)subscription and tells the viewer to clear its screen because the replay follows
 * (so a reconnect never shows output twice); or the session's new status.
 */
export type TerminalEvent = Uint8Array | { t: 'start' } | { t: 'status'; status: TerminalStatus }

export const DEFAULT_DETACH_KEYS = 'ctrl-p,ctrl-q'

/**
 * Binary WebSocket frames: one kind byte, a 32-bit id (a subscription id for output, a
 * session id for input), then the bytes.
 */
export const FRAME = { output: 1, input: 2 } as const
const HEADER = 5

export function encodeFrame(kind: number, id: number, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(HEADER + payload.byteLength)
  const view = new DataView(frame.buffer)
  view.setUint8(0, kind)
  view.setUint32(1, id)
  frame.set(payload, HEADER)
  return frame
}

export function decodeFrame(frame: Uint8Array): { kind: number; id: number; payload: Uint8Array } | undefined {
  if (frame.byteLength < HEADER) return undefined
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  return { kind: view.getUint8(0), id: view.getUint32(1), payload: frame.subarray(HEADER) }
}

/** docker's --detach-keys syntax: comma-separated `ctrl-<a–z @ [ \\ ] ^ _>` or single printable characters. */
const DETACH_KEY = String.raw`(?:ctrl-[a-z@[\\\]^_]|[!-+\--~])`
export const DETACH_KEYS_PATTERN = new RegExp(`^${DETACH_KEY}(?:,${DETACH_KEY})*$`)
