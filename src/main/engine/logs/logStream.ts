import type { Readable } from 'node:stream'
import type { LogBatch, LogLine } from '../../../shared/types'
import type { EngineConnection } from '../connection'
import { LogBatchBuilder } from '../../../shared/logBatch'
import { logTimeAfter, logTimeToUnix } from '../../../shared/logTime'
import { WharfError } from '../../../shared/errors'
import { asError, toWharfError } from '../engineError'
import { FrameDemuxer } from './demux'
import { LineSplitter } from './lineSplitter'
import { waitForNextRun } from './nextRun'

export interface LogOptions {
  id: string
  tail: number | 'all'
  follow: boolean
  timestamps: boolean
  since?: string
  before?: string
}

export interface LogSink {
  emit(batch: LogBatch): void
  end(error?: unknown): void
  ready(): boolean
}

const BATCH_MS = 40
const BATCH_LINES = 5000
const RESUME_POLL_MS = 15
const TIMESTAMP = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) /

/** Opens the engine's log stream (bytes, not text: TTY and multiplexed) and returns the raw stream. */
export async function openLogStream(
  engine: EngineConnection,
  options: LogOptions & { stdout?: boolean; stderr?: boolean },
): Promise<{ stream: Readable; tty: boolean; id: string }> {
  const docker = await engine.client()
  const container = docker.getContainer(options.id)
  const info = await container.inspect()
  const query: Record<string, string | number | boolean> = {
    stdout: options.stdout ?? true,
    stderr: options.stderr ?? true,
    follow: options.follow,
    timestamps: options.timestamps,
    tail: options.tail === 'all' ? 'all' : String(options.tail),
  }
  if (options.since !== undefined) query.since = options.since
  if (options.before !== undefined) {
    // dockerd applies tail before until (tail+until answers nothing), so page back by
    // reading everything up to the boundary; streamLogs keeps only the last `tail`.
    query.until = logTimeToUnix(options.before) ?? '0'
    query.tail = 'all'
    query.timestamps = true
  }
  const stream = await new Promise<Readable>((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(info.Id)}/logs?`,
        method: 'GET',
        options: query,
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
      },
      (err: unknown, result: unknown) => (err ? reject(asError(err)) : resolve(result as Readable)),
    )
  })
  return { stream, tty: info.Config.Tty, id: info.Id }
}

/**
 * Streams a container's log to a sink as line batches, pausing the engine stream while
 * the sink is behind so an endless log costs bounded memory. A followed log keeps
 * following across restarts: when the engine ends it because the process exited, it
 * waits for the container to run again and reopens after the last line it sent.
 * Returns a closer.
 */
export function streamLogs(engine: EngineConnection, options: LogOptions, sink: LogSink): () => void {
  let closed = false
  let source: Readable | undefined
  let waiting: { cancel: () => void } | undefined
  const keepTimes = options.timestamps || options.before !== undefined
  // A followed log is always read stamped, so a reopen can start after the last line.
  const stamped = keepTimes || options.follow
  const pending = new LogBatchBuilder(keepTimes)
  /** Lines held back while paging ("before"): only the last `tail` are sent, at the end. */
  let held: LogLine[] = []
  let lastTime: string | undefined
  let timer: NodeJS.Timeout | undefined

  const flush = (): void => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (pending.size === 0 || closed) return
    sink.emit(pending.take())
    if (!sink.ready() && source && !source.isPaused()) {
      const paused = source
      paused.pause()
      const resume = (): void => {
        if (closed || source !== paused) return
        if (sink.ready()) paused.resume()
        else setTimeout(resume, RESUME_POLL_MS)
      }
      setTimeout(resume, RESUME_POLL_MS)
    }
  }
  const before = options.before
  const keep = before !== undefined && options.tail !== 'all' ? options.tail : undefined
  const splitterFor = (stream: 0 | 1 | 2): LineSplitter =>
    new LineSplitter((raw, cut) => {
      const line: LogLine = { stream, text: raw }
      const match = stamped ? TIMESTAMP.exec(raw) : null
      if (match) {
        line.time = match[1]
        line.text = raw.slice(match[0].length)
        lastTime = line.time
      }
      if (cut) line.cut = cut
      if (before !== undefined) {
        // `until` is inclusive; the boundary line is already on screen.
        if (!line.time || line.time >= before) return
        held.push(line)
        if (keep !== undefined && held.length > keep * 2) held = held.slice(-keep)
        return
      }
      pending.add(line)
      if (pending.size >= BATCH_LINES) flush()
      else timer ??= setTimeout(flush, BATCH_MS)
    })

  const end = (error?: unknown): void => {
    if (!closed) sink.end(error === undefined ? undefined : toWharfError(error))
  }
  /** After the engine ended a followed log: reopen when the container runs again, else end. */
  const afterExit = (id: string): void => {
    const next = waitForNextRun(engine, id)
    waiting = next
    next.done.then(
      (runs) => {
        waiting = undefined
        if (closed) return
        if (!runs) return end()
        const since = lastTime ? logTimeAfter(lastTime) : options.since
        open({ ...options, tail: 'all', ...(since !== undefined ? { since } : {}) })
      },
      (err: unknown) => end(err),
    )
  }
  const open = (query: LogOptions): void => {
    openLogStream(engine, { ...query, timestamps: stamped }).then(
      ({ stream, tty, id }) => {
        if (closed) {
          stream.destroy()
          return
        }
        source = stream
        const splitters = tty ? [splitterFor(0)] : [splitterFor(1), splitterFor(2)]
        const demuxer = tty ? undefined : new FrameDemuxer((type, payload) => splitters[type - 1].push(payload))
        stream.on('data', (chunk: Buffer) => (demuxer ? demuxer.push(chunk) : splitters[0].push(chunk)))
        stream.on('end', () => {
          for (const splitter of splitters) splitter.flush()
          for (const line of keep !== undefined ? held.slice(-keep) : held) pending.add(line)
          held = []
          flush()
          if (closed) return
          if (options.follow && before === undefined) afterExit(id)
          else end()
        })
        stream.on('error', (err) => {
          flush()
          end(err)
        })
      },
      (err: unknown) => end(err),
    )
  }
  const close = (): void => {
    closed = true
    if (timer) clearTimeout(timer)
    waiting?.cancel()
    source?.destroy()
    stopWatching?.()
  }
  // A followed log of an engine that is lost (stopped, or frozen with its sockets open)
  // ends now, after the lines it had, saying why: the viewer shows where it stopped and
  // goes on from there when the engine is back, instead of hanging or saying "end of log".
  const stopWatching = options.follow
    ? engine.statusChanged.add((status) => {
        if (status.state === 'connected' || closed) return
        flush()
        end(
          new WharfError({
            code: 'engine_unavailable',
            message: `The engine stopped answering${status.error ? ` (${status.error})` : ''}; the log stopped following`,
          }),
        )
        close()
      })
    : undefined
  open(options)
  return close
}
