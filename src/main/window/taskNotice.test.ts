import { describe, expect, it, vi } from 'vitest'
import type { TaskInfo } from '../../shared/tasks'
import { Listeners } from '../engine/listeners'
import { Tasks } from '../tasks/tasks'
import { taskNotice, watchTaskEnds, type TaskNotice } from './taskNotice'

function task(patch: Partial<TaskInfo>): TaskInfo {
  return { id: 7, kind: 'pull', subject: 'nginx:latest', state: 'running', startedAt: 0, layers: [], ...patch }
}

describe('task notice text', () => {
  it('says which task finished, on what, with the engine’s last words', () => {
    expect(taskNotice(task({ state: 'done', message: 'Digest: sha256:abc\nStatus: Downloaded newer image' }), 'en')).toEqual({
      taskId: 7,
      title: 'Pull finished',
      body: 'nginx:latest\nDigest: sha256:abc',
    })
    expect(
      taskNotice(task({ kind: 'build', subject: 'app:dev', state: 'failed', message: 'Step 3/5 : RUN make\nexit code 2' }), 'en'),
    ).toEqual({
      taskId: 7,
      title: 'Build failed',
      body: 'app:dev\nStep 3/5 : RUN make',
    })
  })

  it('speaks Simplified Chinese too', () => {
    expect(taskNotice(task({ kind: 'clone', subject: 'data → data-copy', state: 'done', message: '' }), 'zh-CN')).toEqual({
      taskId: 7,
      title: '克隆数据卷完成',
      body: 'data → data-copy',
    })
    expect(taskNotice(task({ kind: 'push', state: 'failed', message: 'unauthorized' }), 'zh-CN')?.title).toBe('推送失败')
  })

  it('cuts a long message', () => {
    const body = taskNotice(task({ state: 'failed', message: 'x'.repeat(5000) }), 'en')?.body ?? ''
    expect(body.length).toBeLessThan(250)
    expect(body.endsWith('…')).toBe(true)
  })

  it('has nothing to say while running or after a cancel', () => {
    expect(taskNotice(task({ state: 'running' }), 'en')).toBeNull()
    expect(taskNotice(task({ state: 'cancelled', message: 'cancelled' }), 'en')).toBeNull()
  })
})

describe('watching task ends', () => {
  function setup(focused: boolean) {
    const changed = new Listeners<TaskInfo>()
    const notify = vi.fn<(notice: TaskNotice) => void>()
    const state = { focused }
    const stop = watchTaskEnds(changed, { windowFocused: () => state.focused, locale: () => 'en', notify })
    return { changed, notify, state, stop }
  }

  it('notifies once when a task it saw running ends while the window is in the background', () => {
    const { changed, notify } = setup(false)
    changed.emit(task({ id: 1 }))
    changed.emit(task({ id: 1, layers: [{ id: 'a1', status: 'Downloading' }] }))
    changed.emit(task({ id: 1, state: 'done', message: 'Digest: sha256:1' }))
    changed.emit(task({ id: 1, state: 'done', message: 'Digest: sha256:1' }))
    expect(notify).toHaveBeenCalledTimes(1)
    expect(notify.mock.calls[0][0]).toMatchObject({ taskId: 1, title: 'Pull finished' })
  })

  it('stays quiet while the window has the focus: the tasks panel shows the outcome', () => {
    const { changed, notify, state } = setup(true)
    changed.emit(task({ id: 2 }))
    changed.emit(task({ id: 2, state: 'failed', message: 'not found' }))
    expect(notify).not.toHaveBeenCalled()
    // Focus is judged when the task ends, not when it started.
    changed.emit(task({ id: 3 }))
    state.focused = false
    changed.emit(task({ id: 3, state: 'failed', message: 'not found' }))
    expect(notify).toHaveBeenCalledTimes(1)
  })

  it('ignores cancellations and tasks it never saw running', () => {
    const { changed, notify } = setup(false)
    changed.emit(task({ id: 4 }))
    changed.emit(task({ id: 4, state: 'cancelled' }))
    changed.emit(task({ id: 5, state: 'done' }))
    expect(notify).not.toHaveBeenCalled()
  })

  it('stops when unsubscribed', () => {
    const { changed, notify, stop } = setup(false)
    changed.emit(task({ id: 6 }))
    stop()
    changed.emit(task({ id: 6, state: 'done' }))
    expect(notify).not.toHaveBeenCalled()
    expect(changed.size).toBe(0)
  })

  it('hears the real task runner: a pull that fails in the background is announced', async () => {
    const tasks = new Tasks()
    const notify = vi.fn<(notice: TaskNotice) => void>()
    watchTaskEnds(tasks.changed, { windowFocused: () => false, locale: () => 'en', notify })
    tasks.start('pull', 'registry.invalid/app:1', () => Promise.reject(new Error('manifest unknown')))
    tasks.start('push', 'localhost:5000/app:1', () => Promise.resolve('latest: digest: sha256:2 size: 528'))
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(2))
    expect(notify.mock.calls.map(([notice]) => notice)).toEqual([
      { taskId: 1, title: 'Pull failed', body: 'registry.invalid/app:1\nmanifest unknown' },
      { taskId: 2, title: 'Push finished', body: 'localhost:5000/app:1\nlatest: digest: sha256:2 size: 528' },
    ])
  })
})
