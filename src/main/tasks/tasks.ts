/**
 * Tasks: pulls and pushes that run in main whatever the renderer does. Each reports its
 * layers' progress; changes go out at most every PUBLISH_MS per task (a pull of many
 * layers emits hundreds of progress lines a second), and always at the end. The newest
 * KEEP_ENDED finished tasks stay listed.
 */
import { WharfError } from '../../shared/errors'
import type { LayerProgress, TaskInfo, TaskKind } from '../../shared/tasks'
import { Listeners } from '../engine/listeners'
import { errorText } from '../../shared/errorText'

const PUBLISH_MS = 100
const KEEP_ENDED = 30

const KEEP_LOG_LINES = 2000

export interface TaskHandle {
  layer(progress: LayerProgress): void
  /** A line of output (build); the newest KEEP_LOG_LINES are kept. */
  log(line: string): void
  /** Stops the work; set by the runner once it has something to stop. */
  onCancel(stop: () => void): void
}

interface Running {
  info: TaskInfo
  stop?: () => void
  cancelled: boolean
  timer?: NodeJS.Timeout
}

/** What a service that runs tasks needs: starting one, labelled with its engine. */
export interface TaskStarter {
  start(kind: TaskKind, subject: string, work: (task: TaskHandle) => Promise<string>): TaskInfo
}

export class Tasks {
  readonly changed = new Listeners<TaskInfo>()
  private readonly tasks = new Map<number, Running>()
  private nextId = 1

  /** The tasks one engine's services start, each labelled with that engine. */
  forEngine(engine: string): TaskStarter {
    return { start: (kind, subject, work) => this.start(kind, subject, work, engine) }
  }

  /** Starts `work` as a task; resolves at once with its first state. */
  start(kind: TaskKind, subject: string, work: (task: TaskHandle) => Promise<string>, engine?: string): TaskInfo {
    const id = this.nextId++
    const info: TaskInfo = { id, kind, subject, state: 'running', startedAt: Date.now(), layers: [] }
    if (engine !== undefined) info.engine = engine
    const entry: Running = { info, cancelled: false }
    this.tasks.set(id, entry)
    const handle: TaskHandle = {
      layer: (progress) => {
        const layers = entry.info.layers
        const at = layers.findIndex((l) => l.id === progress.id)
        if (at === -1) layers.push(progress)
        else layers[at] = progress
        this.publishSoon(entry)
      },
      log: (line) => {
        const log = (entry.info.log ??= [])
        log.push(line)
        if (log.length > KEEP_LOG_LINES) log.splice(0, log.length - KEEP_LOG_LINES)
        this.publishSoon(entry)
      },
      onCancel: (stop) => {
        entry.stop = stop
        if (entry.cancelled) stop()
      },
    }
    void work(handle).then(
      (message) => this.finish(entry, entry.cancelled ? 'cancelled' : 'done', message),
      (err: unknown) => this.finish(entry, entry.cancelled ? 'cancelled' : 'failed', errorText(err)),
    )
    this.changed.emit(entry.info)
    return entry.info
  }

  list(): TaskInfo[] {
    return [...this.tasks.values()].map((t) => t.info)
  }

  cancel(id: number): TaskInfo {
    const entry = this.tasks.get(id)
    if (!entry) throw new WharfError({ code: 'not_found', message: `No task ${id}` })
    if (entry.info.state === 'running' && !entry.cancelled) {
      entry.cancelled = true
      entry.stop?.()
    }
    return entry.info
  }

  /** Forgets a finished task (the panel's close button). */
  dismiss(id: number): { dismissed: number } {
    const entry = this.tasks.get(id)
    if (entry?.info.state === 'running') throw new WharfError({ code: 'conflict', message: 'The task is still running; cancel it first' })
    this.tasks.delete(id)
    return { dismissed: id }
  }

  private publishSoon(entry: Running): void {
    entry.timer ??= setTimeout(() => {
      entry.timer = undefined
      this.changed.emit({ ...entry.info, layers: [...entry.info.layers], log: entry.info.log && [...entry.info.log] })
    }, PUBLISH_MS)
  }

  private finish(entry: Running, state: TaskInfo['state'], message: string): void {
    clearTimeout(entry.timer)
    entry.timer = undefined
    entry.info = {
      ...entry.info,
      state,
      message,
      endedAt: Date.now(),
      layers: [...entry.info.layers],
      log: entry.info.log && [...entry.info.log],
    }
    this.changed.emit(entry.info)
    const ended = [...this.tasks.values()].filter((t) => t.info.state !== 'running')
    for (const old of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) this.tasks.delete(old.info.id)
  }
}
