/**
 * A k-way merge of several containers' stamped log lines into one time-ordered stream.
 * Each source delivers its own lines in order; a line is released once its place is
 * certain: when every source that has not ended holds a line (so none can still bring
 * an older one), or — while following live output, where a quiet source may never
 * speak — once it has waited `holdMs`. Memory stays bounded because callers pause a
 * source whose queue is long (see `size`), and a source with an empty queue is never
 * paused, so the merge always moves.
 */
import type { LogLine } from '../../../shared/types'

interface Held {
  line: LogLine
  key: string
  at: number
}

interface Queue {
  items: Held[]
  head: number
  ended: boolean
}

/**
 * Docker trims trailing zeros from the nanoseconds (RFC 3339 "nano"), so "05.1Z" and
 * "05.12Z" do not compare as strings; this pads them to one width.
 */
export function logSortKey(time: string | undefined): string {
  if (!time) return ''
  // Called for every line: plain string work, no regular expression.
  const dot = time.indexOf('.', 19)
  if (time.length === 30 && dot === 19) return time
  if (!time.endsWith('Z') || time.length < 20) return time
  const digits = dot === -1 ? 0 : time.length - dot - 2
  const head = dot === -1 ? `${time.slice(0, -1)}.` : time.slice(0, -1)
  return `${head}${'000000000'.slice(digits)}Z`
}

export class LogMerger {
  private readonly queues: Queue[]

  constructor(
    count: number,
    private readonly out: (line: LogLine, tag: number) => void,
  ) {
    this.queues = Array.from({ length: count }, () => ({ items: [], head: 0, ended: false }))
  }

  /** A source that joins later (a container that came up while following); returns its tag. */
  add(): number {
    this.queues.push({ items: [], head: 0, ended: false })
    return this.queues.length - 1
  }

  push(tag: number, line: LogLine, at = Date.now()): void {
    this.queues[tag].items.push({ line, key: logSortKey(line.time), at })
  }

  /** The source will bring no more lines (until `reopen`). */
  end(tag: number): void {
    this.queues[tag].ended = true
  }

  reopen(tag: number): void {
    this.queues[tag].ended = false
  }

  /** Lines of this source waiting for their turn. */
  size(tag: number): number {
    const q = this.queues[tag]
    return q.items.length - q.head
  }

  get allEnded(): boolean {
    return this.queues.every((q) => q.ended)
  }

  get pending(): number {
    return this.queues.reduce((n, q) => n + q.items.length - q.head, 0)
  }

  /** When the oldest held line was received (for the caller's hold timer), if any is held. */
  oldestArrival(): number | undefined {
    let oldest: number | undefined
    for (const q of this.queues) if (q.head < q.items.length) oldest = Math.min(oldest ?? Infinity, q.items[q.head].at)
    return oldest
  }

  /**
   * Releases lines whose order is certain, at most `limit`; with `holdMs`, also lines
   * held that long. Returns how many were released.
   */
  release(limit = Infinity, holdMs?: number, now = Date.now()): number {
    let released = 0
    while (released < limit) {
      let best = -1
      let bestKey = ''
      let complete = true
      for (let i = 0; i < this.queues.length; i++) {
        const q = this.queues[i]
        if (q.head >= q.items.length) {
          if (!q.ended) complete = false
          continue
        }
        const key = q.items[q.head].key
        if (best === -1 || key < bestKey) {
          best = i
          bestKey = key
        }
      }
      if (best === -1) break
      const q = this.queues[best]
      const item = q.items[q.head]
      if (!complete && (holdMs === undefined || now - item.at < holdMs)) break
      q.head++
      // Drop released lines in chunks, not one shift per line.
      if (q.head > 4096 && q.head * 2 > q.items.length) {
        q.items = q.items.slice(q.head)
        q.head = 0
      }
      this.out(item.line, best)
      released++
    }
    return released
  }
}
