/**
 * What the terminal manager needs from a session, whatever runs it: an exec'd process
 * or an attach over the Engine API's hijacked stream, or a host shell through node-pty.
 */
import type { TerminalEndReason } from '../../shared/terminal'

export interface TerminalExit {
  reason: TerminalEndReason
  exitCode: number | null
}

export interface TerminalSink {
  data(bytes: Buffer): void
  /** Called once, when the session ends for any reason. */
  exit(info: TerminalExit): void
}

export interface TerminalBackend {
  /** Keystrokes and pastes. Ignored once ended (and for read-only attaches). */
  write(data: Uint8Array | string): void
  /** The TTY follows the terminal's size (`stty size` shows it). */
  resize(cols: number, rows: number): Promise<void>
  /** Back-pressure: stop reading output until resumed. */
  pause(): void
  resume(): void
  /** Ends the session (the exec'd processes, the attach, the shell); resolves when done. */
  close(): Promise<void>
}
