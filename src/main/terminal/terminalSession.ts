/**
 * One terminal as main holds it, whatever runs it: its output fanned out to viewers,
 * the bounded replay buffer, and flow control.
 *
 * Flow control: each viewer acknowledges the bytes it has rendered. While any viewer has
 * more than HIGH_WATER bytes unacknowledged, the backend stops reading (the engine
 * stream, the pty), so `yes` or `cat hugefile` blocks in the container instead of
 * filling memory; it resumes when every viewer is under LOW_WATER. Keeping the window
 * small is what lets Ctrl-C show its effect within a second. With no viewer (the user is
 * in another pane) output keeps flowing into the replay buffer, as a terminal window
 * in the background keeps its program running.
 *
 * Output is coalesced per event-loop turn: everything that arrived in one I/O phase
 * leaves as one message, without a timer adding latency to keystroke echo.
 */
import type { TerminalEvent, TerminalInfo, TerminalStatus } from '../../shared/terminal'
import type { TerminalBackend, TerminalExit, TerminalSink } from './backend'
import { ReplayBuffer } from './replayBuffer'

export const HIGH_WATER = 512 * 1024
export const LOW_WATER = 128 * 1024

interface Viewer {
  emit(event: TerminalEvent): void
  end(): void
  unacked: number
}

export class TerminalSession {
  backend?: TerminalBackend
  private readonly viewers = new Map<string, Viewer>()
  private readonly replay = new ReplayBuffer()
  private pending: Buffer[] = []
  private flushing = false
  private paused = false

  constructor(public info: TerminalInfo) {}

  /** What the backend reports into. */
  readonly sink: TerminalSink = {
    data: (bytes) => {
      this.pending.push(bytes)
      if (!this.flushing) {
        this.flushing = true
        setImmediate(() => this.flush())
      }
    },
    exit: (exit) => this.ended(exit),
  }

  get isEnded(): boolean {
    return this.info.status.state === 'ended'
  }

  private flush(): void {
    this.flushing = false
    if (this.pending.length === 0) return
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending)
    this.pending = []
    this.replay.push(bytes)
    for (const viewer of this.viewers.values()) {
      viewer.unacked += bytes.length
      viewer.emit(bytes)
    }
    this.regulate()
  }

  private ended(exit: TerminalExit): void {
    this.flush()
    const status: TerminalStatus = { state: 'ended', reason: exit.reason, exitCode: exit.exitCode }
    this.info = { ...this.info, status }
    for (const viewer of this.viewers.values()) {
      viewer.emit({ t: 'status', status })
      viewer.end()
    }
    this.viewers.clear()
  }

  /** A viewer starts with the replay, then live output; returns how to stop watching. */
  watch(id: string, emit: (event: TerminalEvent) => void, end: () => void): () => void {
    this.viewers.get(id)?.end()
    this.flush()
    const past = this.replay.snapshot()
    emit({ t: 'start' })
    if (past.length > 0) emit(past)
    if (this.isEnded) {
      emit({ t: 'status', status: this.info.status })
      end()
      return () => undefined
    }
    const viewer: Viewer = { emit, end, unacked: past.length }
    this.viewers.set(id, viewer)
    this.regulate()
    return () => {
      if (this.viewers.get(id) === viewer) this.viewers.delete(id)
      this.regulate()
    }
  }

  ack(viewerId: string, bytes: number): void {
    const viewer = this.viewers.get(viewerId)
    if (!viewer) return
    viewer.unacked = Math.max(0, viewer.unacked - bytes)
    this.regulate()
  }

  private regulate(): void {
    if (!this.backend || this.isEnded) return
    let behind = 0
    for (const viewer of this.viewers.values()) behind = Math.max(behind, viewer.unacked)
    if (!this.paused && behind > HIGH_WATER) {
      this.paused = true
      this.backend.pause()
    } else if (this.paused && behind <= LOW_WATER) {
      this.paused = false
      this.backend.resume()
    }
  }

  /** Ends the session and lets every viewer go. */
  async close(): Promise<void> {
    await this.backend?.close()
    for (const viewer of this.viewers.values()) viewer.end()
    this.viewers.clear()
  }
}
