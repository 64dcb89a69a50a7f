/**
 * A Compose project's log: every container's log (read through the same streamLogs as a
 * container's page, stamped) merged into one time-ordered stream, tagged with where each
 * line came from. Two phases keep the order exact: first each container's last `tail`
 * lines, read to their end and merged completely; then, when following, each container
 * followed from just after its last line, merged with a short hold (a quiet container
 * cannot hold the others back for longer). Back-pressure: a container whose queue is
 * long pauses, and when the client is behind nothing is released, so every queue fills
 * and every source pauses — memory stays bounded however fast the project logs.
 * While following, containers of the project that start later (`up` recreating or
 * scaling a service) join the merge as new sources, each followed from its first line;
 * a container already followed is never added twice. A followed project log then stays
 * open when every container has stopped, since the project may come back.
 */
import type { LogLine } from '../../../shared/types'
import type { ProjectLogBatch, ProjectLogSource } from '../../../shared/compose'
import { forEachLogLine, LogBatchBuilder } from '../../../shared/logBatch'
import { logTimeAfter } from '../../../shared/logTime'
import { toWharfError } from '../engineError'
import type { EngineConnection } from '../connection'
import { streamLogs, type LogSink } from '../logs/logStream'
import { LogMerger, logSortKey } from './logMerge'

export interface ProjectLogOptions {
  tail: number | 'all'
  follow: boolean
}

/** Containers of the project that start while the log is open (projectWatch.ts). */
export interface NewSources {
  attach(add: (source: ProjectLogSource) => void): void
}

export interface ProjectLogSink {
  emit(batch: ProjectLogBatch): void
  end(error?: unknown): void
  ready(): boolean
}

/** Lines a container may have waiting before it is paused. */
const SOURCE_LIMIT = 25_000
const BATCH_MS = 40
const BATCH_LINES = 5000
const RESUME_POLL_MS = 15
/** While following: how long a line waits for a quieter container's older lines. */
export const HOLD_MS = 250
/** Sources one log holds at most (a service recreated in a loop would otherwise grow the list for ever). */
const MAX_SOURCES = 1000

export function streamProjectLogs(
  engine: EngineConnection,
  sources: ProjectLogSource[],
  options: ProjectLogOptions,
  sink: ProjectLogSink,
  newSources?: NewSources,
): () => void {
  sources = [...sources]
  let closed = false
  let live = false
  const closers: Array<() => void> = []
  const lastTime: Array<string | undefined> = sources.map(() => undefined)
  let batch = new LogBatchBuilder(true)
  let tags: number[] = []
  let sentSources = false
  let flushTimer: NodeJS.Timeout | undefined
  let pumpTimer: NodeJS.Timeout | undefined

  const flush = (): void => {
    clearTimeout(flushTimer)
    flushTimer = undefined
    if (closed || (batch.size === 0 && sentSources)) return
    const out: ProjectLogBatch = { ...batch.take(), tags }
    if (!sentSources) out.sources = sources
    sentSources = true
    batch = new LogBatchBuilder(true)
    tags = []
    sink.emit(out)
  }
  const merger = new LogMerger(sources.length, (line: LogLine, tag: number) => {
    batch.add(line)
    tags.push(tag)
    if (batch.size >= BATCH_LINES) flush()
  })

  const finish = (error?: unknown): void => {
    if (closed) return
    flush()
    closed = true
    clearTimeout(pumpTimer)
    clearTimeout(flushTimer)
    for (const close of closers.splice(0)) close()
    sink.end(error === undefined ? undefined : toWharfError(error))
  }

  /** Releases what can go now, and arranges to look again when more can. */
  const pump = (): void => {
    clearTimeout(pumpTimer)
    pumpTimer = undefined
    if (closed) return
    while (sink.ready()) {
      if (merger.release(BATCH_LINES, live ? HOLD_MS : undefined) === 0) break
      flush()
    }
    if (batch.size) flushTimer ??= setTimeout(flush, BATCH_MS)
    if (merger.allEnded && merger.pending === 0) {
      if (!options.follow || (live && !newSources)) return finish()
      if (!live) return startFollowing()
    }
    if (!sink.ready()) pumpTimer = setTimeout(pump, RESUME_POLL_MS)
    else if (live) {
      const oldest = merger.oldestArrival()
      if (oldest !== undefined) pumpTimer = setTimeout(pump, Math.max(1, oldest + HOLD_MS - Date.now()))
    }
  }

  const sourceSink = (tag: number): LogSink => ({
    emit: (logBatch) => {
      const at = Date.now()
      forEachLogLine(logBatch, (line) => {
        if (line.time) lastTime[tag] = line.time
        merger.push(tag, line, at)
      })
      pump()
    },
    end: (error) => {
      // A container removed under the log (`up` replacing it) has simply ended.
      if (error !== undefined && toWharfError(error).code !== 'not_found') return finish(error)
      merger.end(tag)
      pump()
    },
    ready: () => !closed && merger.size(tag) < SOURCE_LIMIT,
  })
  const startFollowing = (): void => {
    live = true
    const times = lastTime.filter((t): t is string => t !== undefined)
    const newest = times.reduce<string | undefined>((a, b) => (a === undefined || logSortKey(b) > logSortKey(a) ? b : a), undefined)
    sources.forEach((source, tag) => {
      merger.reopen(tag)
      // After its own last line; a container that had none starts after the project's
      // newest line, or from when this log was opened.
      const after = lastTime[tag] ?? newest
      const since = after ? logTimeAfter(after) : openedAt
      closers.push(streamLogs(engine, { id: source.id, tail: 'all', follow: true, timestamps: true, since }, sourceSink(tag)))
    })
    pump()
  }

  /** A container that started after the log opened: all its lines are new. */
  const add = (source: ProjectLogSource): void => {
    if (closed || sources.length >= MAX_SOURCES || sources.some((s) => s.id === source.id)) return
    sources.push(source)
    lastTime.push(undefined)
    const tag = merger.add()
    // The next batch carries the whole list again; tags already sent keep their meaning.
    sentSources = false
    flush()
    // Before following starts it is read like the others; startFollowing then follows it too.
    const query = live ? { tail: 'all' as const, follow: true } : { tail: options.tail, follow: false }
    closers.push(streamLogs(engine, { id: source.id, timestamps: true, ...query }, sourceSink(tag)))
  }

  const openedAt = (Date.now() / 1000).toFixed(3)
  if (options.follow) newSources?.attach(add)
  if (sources.length === 0) {
    // Nothing yet: a followed log waits for the project's containers to start.
    queueMicrotask(() => (options.follow && newSources ? (startFollowing(), flush()) : finish()))
    if (!(options.follow && newSources)) return () => finish()
  }
  sources.forEach((source, tag) => {
    closers.push(streamLogs(engine, { id: source.id, tail: options.tail, follow: false, timestamps: true }, sourceSink(tag)))
  })
  return () => {
    if (closed) return
    closed = true
    clearTimeout(pumpTimer)
    clearTimeout(flushTimer)
    for (const close of closers.splice(0)) close()
  }
}
