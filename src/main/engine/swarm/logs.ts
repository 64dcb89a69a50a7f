/**
 * A service's log, merged across its tasks by the engine (`GET /services/{id}/logs`), as
 * `docker service logs` shows it: each line named by its task (`web.2`). Lines are read
 * with `details`, whose attributes carry the task id; they go out in batches, and the
 * engine stream pauses while the client is behind, so a chatty service costs bounded memory.
 */
import type { Readable } from 'node:stream'
import type { ServiceLogLine } from '../../../shared/swarm/types'
import type { EngineConnection } from '../connection'
import { asError, toWharfError } from '../engineError'
import { FrameDemuxer } from '../logs/demux'
import { LineSplitter } from '../logs/lineSplitter'

export interface ServiceLogSink {
  emit(lines: ServiceLogLine[]): void
  end(error?: unknown): void
  ready(): boolean
}

const BATCH_MS = 40
const BATCH_LINES = 2000
const RESUME_POLL_MS = 15
/** `<time> <k=v,k=v,…> <text>`: the time, the details, the line. */
const LINE = /^(\S+) (\S*) ?([\s\S]*)$/

interface TaskRef {
  ID: string
  Slot?: number
  NodeID?: string
}

export function parseServiceLine(raw: string, stream: 1 | 2, taskName: (id: string) => string): ServiceLogLine {
  const match = LINE.exec(raw)
  if (!match) return { task: '', stream, time: '', text: raw }
  const details = new Map(match[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
  const taskId = details.get('com.docker.swarm.task.id')
  // A line without details (an empty attribute set) has its text where the details would be.
  if (taskId === undefined) return { task: '', stream, time: match[1], text: [match[2], match[3]].filter(Boolean).join(' ') }
  return { task: taskName(taskId), stream, time: match[1], text: match[3] }
}

export function streamServiceLogs(
  engine: EngineConnection,
  options: { id: string; tail: number; follow: boolean },
  sink: ServiceLogSink,
): () => void {
  let closed = false
  let source: Readable | undefined
  let pending: ServiceLogLine[] = []
  let timer: NodeJS.Timeout | undefined
  const names = new Map<string, string>()
  let serviceName = ''

  const flush = (): void => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (pending.length === 0 || closed) return
    sink.emit(pending)
    pending = []
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
  // Tasks started after the stream opened (an update, a scale) are named by their id until known.
  const taskName = (id: string): string => names.get(id) ?? `${serviceName}.${id.slice(0, 12)}`
  const splitter = (stream: 1 | 2): LineSplitter =>
    new LineSplitter((raw) => {
      pending.push(parseServiceLine(raw, stream, taskName))
      if (pending.length >= BATCH_LINES) flush()
      else timer ??= setTimeout(flush, BATCH_MS)
    })
  const end = (error?: unknown): void => {
    if (closed) return
    closed = true
    sink.end(error === undefined ? undefined : toWharfError(error))
  }

  void (async () => {
    const docker = await engine.client()
    const service = (await docker.getService(options.id).inspect()) as {
      ID: string
      Spec: { Name: string; Mode?: { Global?: object }; TaskTemplate: { ContainerSpec?: { TTY?: boolean } } }
    }
    serviceName = service.Spec.Name
    const global = service.Spec.Mode?.Global !== undefined
    for (const t of (await docker.listTasks({ filters: { service: [service.ID] } })) as TaskRef[])
      names.set(t.ID, `${serviceName}.${global ? (t.NodeID ?? '').slice(0, 12) : String(t.Slot ?? 0)}`)
    const stream = await new Promise<Readable>((resolve, reject) => {
      docker.modem.dial(
        {
          path: `/services/${encodeURIComponent(service.ID)}/logs?`,
          method: 'GET',
          options: { stdout: true, stderr: true, follow: options.follow, timestamps: true, details: true, tail: String(options.tail) },
          isStream: true,
          statusCodes: { 200: true, 404: 'no such service', 500: 'server error', 503: 'node is not part of a swarm' },
        },
        (err: unknown, result: unknown) => (err ? reject(asError(err)) : resolve(result as Readable)),
      )
    })
    if (closed) return stream.destroy()
    source = stream
    const tty = service.Spec.TaskTemplate.ContainerSpec?.TTY === true
    const splitters = tty ? [splitter(1)] : [splitter(1), splitter(2)]
    const demuxer = tty ? undefined : new FrameDemuxer((type, payload) => splitters[type - 1].push(payload))
    stream.on('data', (chunk: Buffer) => (demuxer ? demuxer.push(chunk) : splitters[0].push(chunk)))
    stream.on('end', () => {
      for (const s of splitters) s.flush()
      flush()
      end()
    })
    stream.on('error', (err) => {
      flush()
      end(err)
    })
  })().catch((err: unknown) => end(err))

  return () => {
    closed = true
    if (timer) clearTimeout(timer)
    source?.destroy()
  }
}
