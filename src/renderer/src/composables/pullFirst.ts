/**
 * "Pull if missing" for the run form: the pull runs as an ordinary task (visible, with
 * progress and a cancel button, in the tasks panel) and the form waits for its end.
 */
import { withDefaultTag, type TaskInfo } from '@shared/tasks'
import { watch } from 'vue'
import { useTasksStore } from '../stores/tasks'

export function usePullFirst(engine: string) {
  const tasks = useTasksStore()

  /** Resolves with the task once it is no longer running. */
  function settled(id: number): Promise<TaskInfo> {
    return new Promise((resolve) => {
      const stop = watch(
        () => tasks.items.find((task) => task.id === id),
        (task) => {
          if (!task || task.state === 'running') return
          // The callback can run before `stop` is assigned when the task is already over.
          queueMicrotask(() => stop())
          resolve(task)
        },
        { immediate: true },
      )
    })
  }

  async function pull(reference: string): Promise<TaskInfo> {
    const task = await tasks.pull(engine, withDefaultTag(reference.trim()))
    return settled(task.id)
  }

  return { pull }
}
