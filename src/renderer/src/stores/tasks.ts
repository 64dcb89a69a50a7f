/**
 * Pulls and pushes in progress and recently finished, fed by `tasks.changed`. The panel
 * that shows them lives in the app shell, so a task stays visible whatever pane is open.
 */
import type { TaskInfo } from '@shared/tasks'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref } from 'vue'
import { useApi } from '../api'

export const useTasksStore = defineStore('tasks', () => {
  const api = useApi()
  const byId = ref(new Map<number, TaskInfo>())
  const open = ref(false)

  function put(task: TaskInfo): void {
    // The stream can report a task's end before the call that started it returns its first state.
    if (task.state === 'running' && byId.value.get(task.id)?.state !== undefined && byId.value.get(task.id)?.state !== 'running') return
    const next = new Map(byId.value)
    next.set(task.id, task)
    byId.value = next
  }

  const unsubscribe = api.subscribe('tasks.changed', {}, put)
  onScopeDispose(unsubscribe)
  void api.call('tasks.list', {}).then(
    (list) => list.forEach(put),
    () => undefined,
  )

  const items = computed(() => [...byId.value.values()].sort((a, b) => b.id - a.id))
  const running = computed(() => items.value.filter((t) => t.state === 'running').length)

  /** Pulls on `engine`; the task shows in the dock, labelled with it. */
  async function pull(engine: string, reference: string): Promise<TaskInfo> {
    const task = await api.engine(engine).call('images.pull', { reference })
    put(task)
    open.value = true
    return task
  }

  async function push(engine: string, reference: string): Promise<TaskInfo> {
    const task = await api.engine(engine).call('images.push', { reference })
    put(task)
    open.value = true
    return task
  }

  /** A task started elsewhere (a build): show it and open the panel. */
  function track(task: TaskInfo): void {
    put(task)
    open.value = true
  }

  async function cancel(id: number): Promise<void> {
    put(await api.call('tasks.cancel', { id }))
  }

  async function dismiss(id: number): Promise<void> {
    await api.call('tasks.dismiss', { id })
    const next = new Map(byId.value)
    next.delete(id)
    byId.value = next
  }

  return { items, running, open, pull, push, track, cancel, dismiss }
})

/** Overall progress of a task from the layers whose size is known; null before any is. */
export function overallProgress(task: TaskInfo): number | null {
  let current = 0
  let total = 0
  for (const layer of task.layers) {
    if (!layer.total) continue
    const done = /complete|Pushed|already exists|Mounted/i.test(layer.status)
    total += layer.total
    current += done ? layer.total : Math.min(layer.current ?? 0, layer.total)
  }
  if (task.state === 'done') return 1
  return total > 0 ? current / total : null
}
