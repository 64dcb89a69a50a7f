/**
 * What the events view holds, bounded: the newest MAX_SHOWN events on screen and, while
 * paused, at most MAX_WAITING more held back until Resume. Past either bound the oldest
 * go, and are counted, so an engine that floods events costs the page bounded memory
 * and the page still says what it no longer has. Plain data, no Vue: the composable
 * wraps it and tells Vue when it changed.
 */
import type { EngineEvent, EngineEventBatch } from '@shared/system'

export const MAX_SHOWN = 5000
export const MAX_WAITING = 5000

export interface BufferedEvent {
  /** Unique within the page, in arrival order. */
  seq: number
  event: EngineEvent
}

export class EventBuffer {
  /** Oldest first. */
  shown: BufferedEvent[] = []
  /** Arrived while paused, oldest first. */
  waiting: BufferedEvent[] = []
  paused = false
  /** Events dropped from the bounds (shown or waiting) to keep memory bounded. */
  dropped = 0
  /** Events main let go because the page could not keep up. */
  lost = 0
  private seq = 0

  constructor(
    private readonly maxShown = MAX_SHOWN,
    private readonly maxWaiting = MAX_WAITING,
  ) {}

  add(batch: EngineEventBatch): void {
    this.lost += batch.dropped
    const incoming = batch.events.map((event) => ({ seq: ++this.seq, event }))
    if (this.paused) this.waiting = this.bounded([...this.waiting, ...incoming], this.maxWaiting)
    else this.shown = this.bounded([...this.shown, ...incoming], this.maxShown)
  }

  pause(): void {
    this.paused = true
  }

  /** Shows what waited, after what was already shown. */
  resume(): void {
    this.paused = false
    if (this.waiting.length) this.shown = this.bounded([...this.shown, ...this.waiting], this.maxShown)
    this.waiting = []
  }

  clear(): void {
    this.shown = []
    this.waiting = []
    this.dropped = 0
    this.lost = 0
  }

  private bounded(list: BufferedEvent[], max: number): BufferedEvent[] {
    if (list.length <= max) return list
    this.dropped += list.length - max
    return list.slice(list.length - max)
  }
}

/** One JSON object per line, oldest first, in the engine's own shape (`docker events --format '{{json .}}'`). */
export function toJsonLines(events: EngineEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('')
}

/** The milliseconds of an event, from its nanoseconds where the engine sent them. */
export function eventMs(event: EngineEvent): number {
  return event.timeNano ? Math.floor(event.timeNano / 1e6) : event.time * 1000
}

/** Who an event is about, as people name it: the name attribute, else the image, else the id. */
export function actorName(event: EngineEvent): string {
  const a = event.Actor.Attributes
  return a.name || a.image || a.container || event.Actor.ID
}

/** A short id: 12 hex digits of a sha256 id; any other id (a volume's name) as it is. */
export function shortId(id: string): string {
  const hex = id.replace(/^sha256:/, '')
  return /^[0-9a-f]{64}$/.test(hex) ? hex.slice(0, 12) : id
}

/** Search text: name, id and every attribute. */
export function eventText(event: EngineEvent): string {
  return [event.Actor.ID, ...Object.entries(event.Actor.Attributes).map(([k, v]) => `${k}=${v}`)].join(' ').toLowerCase()
}
