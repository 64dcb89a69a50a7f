import type { Readable } from 'node:stream'
import type { LogBatch, LogLine } from '../../../shared/types'
import type { EngineConnection } from '../connection'
import { LogBatchBuilder } from '../../../shared/logBatch'
import { logTimeToUnix } from '../../../shared/logTime'
import { asError, toWharfError } from '../engineError'
import { FrameDemuxer } from './demux'
import { LineSplitter } from './lineSplitter'

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
): Promise<{ stream: Readable; tty: boolean }> {
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
  return { stream, tty: info.Config.Tty }
}

/**
 * Streams a container's log to a sink as line batches, pausing the engine stream while
 * the sink is behind so an endless log costs bounded memory. Returns a closer.
 */
export function streamLogs(engine: EngineConnection, options: LogOptions, sink: LogSink): () => void {
  let closed = false
  let source: Readable | undefined
  const keepTimes = options.timestamps || options.before !== undefined
  const pending = new LogBatchBuilder(keepTimes)
  /** Lines held back while paging ("before"): only the last `tail` are sent, at the end. */
  let held: LogLine[] = []
  let timer: NodeJS.Timeout | undefined

  const flush = (): void => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (pending.size === 0 || closed) return
    sink.emit(pending.take())
    if (!sink.ready() && source && !source.isPaused()) {
      source.pause()
      const resume = (): void => {
        if (closed) return
        if (sink.ready()) source?.resume()
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
      const match = options.timestamps || before ? TIMESTAMP.exec(raw) : null
      if (match) {
        line.time = match[1]
        line.text = raw.slice(match[0].length)
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

  void openLogStream(engine, options).then(
    ({ stream, tty }) => {
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
        if (!closed) sink.end()
      })
      stream.on('error', (err) => {
        flush()
        if (!closed) sink.end(toWharfError(err))
      })
    },
    (err: unknown) => {
      if (!closed) sink.end(toWharfError(err))
    },
  )

  return () => {
    closed = true
    if (timer) clearTimeout(timer)
    source?.destroy()
  }
}
