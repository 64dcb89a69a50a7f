/**
 * Streams whose events the page shows at its own pace leave in batches, not one frame
 * each. A stats sample comes once a second for every running row on screen, each stream
 * at its own moment: sent one by one they cost a frame and a socket write apiece, which
 * was most of an idle server's CPU with the Containers pane open (P7). The page refreshes
 * its live columns once a second anyway, so waiting up to PACE_MS loses nothing it shows.
 */

/** How long a paced event may wait for others to join it. */
export const PACE_MS = 250

/** The streams whose events are paced. */
export const PACED_STREAMS: ReadonlySet<string> = new Set(['containers.stats'])

/** Subscription id and event, in the order they were emitted. */
export type PacedEvent = [id: number, data: unknown]

export class EventPacer {
  private queued: PacedEvent[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly deliver: (events: PacedEvent[]) => void,
    private readonly ms = PACE_MS,
  ) {}

  add(id: number, data: unknown): void {
    this.queued.push([id, data])
    this.timer ??= setTimeout(() => this.flush(), this.ms)
  }

  /** Sends what waits now: before a stream's end, so its events never arrive after it. */
  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.queued.length === 0) return
    const events = this.queued
    this.queued = []
    this.deliver(events)
  }

  /** The socket is gone: nothing waiting is sent. */
  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.queued = []
  }
}
