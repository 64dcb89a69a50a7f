/** Terminals (T1–T5): this domain's part of the contract (see index.ts). */
import { appMethod, engineMethod, appStream } from './spec'
import * as s from '../schemas'
import * as term from '../terminalSchemas'
import type { TerminalEvent, TerminalInfo } from '../terminal'

export const terminalsMethods = {
  /** `docker exec -it`: a new process (default: bash if present, else sh) with a TTY in a running container. */
  'terminals.exec': engineMethod<typeof term.execInput, TerminalInfo>(term.execInput),
  /** `docker attach`: the main process's TTY (read-only output when it has none). */
  'terminals.attach': engineMethod<typeof term.attachInput, TerminalInfo>(term.attachInput),
  /** A shell on the host running Wharf, with DOCKER_HOST pointing at the connected engine. */
  'terminals.host': engineMethod<typeof term.hostShellInput, TerminalInfo>(term.hostShellInput),
  /** Every session main holds, open or ended, oldest first: the pane rebuilds its tabs from it. */
  'terminals.list': appMethod<typeof s.empty, TerminalInfo[]>(s.empty),
  /** Close a tab: ends the exec'd processes, detaches an attach, hangs up a host shell; forgets the session. */
  'terminals.close': appMethod<typeof term.terminalRef, { closed: number }>(term.terminalRef),
} as const

export const terminalsStreams = {
  /**
   * A terminal's output as bytes, starting with what main still holds of the past (the
   * replay buffer), then status changes; ends after the session has ended. The viewer
   * acknowledges rendered bytes with `terminals.ack`, or main stops reading the engine.
   */
  'terminals.output': appStream<typeof term.terminalOutputInput, TerminalEvent>(term.terminalOutputInput),
} as const

export const terminalsSignals = {
  /** Keystrokes and pastes into a session (binary frames on the WebSocket). */
  'terminals.input': term.terminalInput,
  /** The terminal's size changed; the TTY follows (`stty size`). */
  'terminals.resize': term.terminalResize,
  /** Flow control: this many bytes of output were rendered. */
  'terminals.ack': term.terminalAck,
} as const
