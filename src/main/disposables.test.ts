import { describe, expect, it } from 'vitest'
import { DisposableStore } from './disposables'

describe('DisposableStore', () => {
  it('undoes newest first, once, past a failing step, and at once after disposal', async () => {
    const done: string[] = []
    const store = new DisposableStore()
    store.add(() => void done.push('first'))
    store.add(() => {
      throw new Error('broken')
    })
    store.add(async () => {
      await Promise.resolve()
      done.push('last')
    })
    await store.dispose()
    await store.dispose()
    expect(done).toEqual(['last', 'first'])
    store.add(() => void done.push('late'))
    expect(done).toEqual(['last', 'first', 'late'])
  })
})
