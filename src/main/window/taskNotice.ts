/**
 * Which task endings become a desktop notification, and what it says. A pull, push, build,
 * load or clone can take minutes; the user switches to something else meanwhile and
 * should learn how it ended without coming back to look. Only endings the watcher saw
 * start running count (not tasks listed afterwards), only while the window is not
 * focused (the tasks panel shows it otherwise), and not cancellations (the user did that).
 */
import type { TaskInfo } from '../../shared/tasks'
import { shellText, type ShellLocale } from './shellText'

export interface TaskNotice {
  taskId: number
  title: string
  body: string
}

/** Notification bodies are cut by the OS anyway; keep the engine's first words whole. */
const MAX_DETAIL = 200

function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim() !== '') ?? ''
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line.trim()
}

/** The notification for a task in its final state, or null for states that get none. */
export function taskNotice(task: TaskInfo, locale: ShellLocale): TaskNotice | null {
  if (task.state !== 'done' && task.state !== 'failed') return null
  const text = shellText(locale)
  const kind = text.kind[task.kind]
  const detail = firstLine(task.message)
  return {
    taskId: task.id,
    title: task.state === 'done' ? text.finished(kind) : text.failed(kind),
    body: detail ? `${task.subject}\n${detail}` : task.subject,
  }
}

export interface TaskEndOptions {
  windowFocused(): boolean
  locale(): ShellLocale
  notify(notice: TaskNotice): void
}

/** Watches task changes and notifies per the rules above; returns the unsubscribe. */
export function watchTaskEnds(changed: { add(listener: (task: TaskInfo) => void): () => void }, options: TaskEndOptions): () => void {
  const running = new Set<number>()
  return changed.add((task) => {
    if (task.state === 'running') {
      running.add(task.id)
      return
    }
    if (!running.delete(task.id) || options.windowFocused()) return
    const notice = taskNotice(task, options.locale())
    if (notice) options.notify(notice)
  })
}
