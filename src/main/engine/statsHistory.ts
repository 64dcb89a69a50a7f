/**
 * The last minutes of each container's stats, kept in main so a stats page that opens
 * again starts with full charts. Once someone has watched a container's stats, main keeps
 * following it (one engine stream, shared by every viewer) until the container stops,
 * keeping the newest samples in a ring. A new viewer gets that history first, then live
 * samples. At most a few containers are followed; the one watched longest ago goes first.
 */
import { STATS_WINDOW_SECONDS } from '../../shared/statsWindow'
import type { StatsSample } from '../../shared/types'
import type { EngineConnection } from './connection'
import { streamStats } from './statsStream'

/** The engine sends one sample a second. */
export const HISTORY_SAMPLES = STATS_WINDOW_SECONDS
const MAX_FOLLOWED = 8

interface StatsSink {
  emit(sample: StatsSample): void
  end(error?: unknown): void
}

interface Followed {
  samples: StatsSample[]
  sinks: Set<StatsSink>
  stop: () => void
}

type Follow = typeof streamStats

export class StatsHistory {
  /** In the order last subscribed to: the first is the one to drop. */
  private readonly followed = new Map<string, Followed>()

  constructor(
    private readonly engine: EngineConnection,
    private readonly follow: Follow = streamStats,
  ) {}

  subscribe(id: string, sink: StatsSink): () => void {
    let entry = this.followed.get(id)
    if (entry) {
      this.followed.delete(id)
      for (const sample of entry.samples) sink.emit(sample)
    } else entry = this.start(id)
    this.followed.set(id, entry)
    entry.sinks.add(sink)
    this.evict()
    const kept = entry
    return () => kept.sinks.delete(sink)
  }

  /** The samples kept for a container (oldest first). */
  history(id: string): StatsSample[] {
    return [...(this.followed.get(id)?.samples ?? [])]
  }

  dispose(): void {
    for (const entry of this.followed.values()) entry.stop()
    this.followed.clear()
  }

  private start(id: string): Followed {
    const entry: Followed = { samples: [], sinks: new Set(), stop: () => undefined }
    entry.stop = this.follow(this.engine, id, {
      emit: (sample) => {
        entry.samples.push(sample)
        if (entry.samples.length > HISTORY_SAMPLES) entry.samples.splice(0, entry.samples.length - HISTORY_SAMPLES)
        for (const sink of entry.sinks) sink.emit(sample)
      },
      // The container stopped (or the stream failed): its history goes with it, viewers hear why.
      end: (error) => {
        if (this.followed.get(id) === entry) this.followed.delete(id)
        for (const sink of entry.sinks) sink.end(error)
        entry.sinks.clear()
      },
    })
    return entry
  }

  private evict(): void {
    for (const [id, entry] of this.followed) {
      if (this.followed.size <= MAX_FOLLOWED) return
      if (entry.sinks.size > 0) continue
      entry.stop()
      this.followed.delete(id)
    }
  }
}
