import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { onScopeDispose, ref } from 'vue'
import { disposeEngineStores, engineStore } from './engineStore'

describe('engine stores', () => {
  it('keeps one store per engine, and starts afresh once its engine was removed', () => {
    setActivePinia(createPinia())
    const ended: string[] = []
    const useCounter = engineStore('counter', (engine: string) => {
      const n = ref(0)
      onScopeDispose(() => ended.push(engine))
      return { engine, n }
    })
    const a = useCounter('a')
    a.n = 5
    expect(useCounter('a')).toBe(a)
    expect(useCounter('b').n).toBe(0)

    disposeEngineStores('a')
    expect(ended).toEqual(['a'])
    // The same id again (an engine added again under the same name): a new store, not the old state.
    const again = useCounter('a')
    expect(again).not.toBe(a)
    expect(again.n).toBe(0)
    expect(useCounter('b')).toBe(useCounter('b'))
    disposeEngineStores('nothing')
    expect(ended).toEqual(['a'])
  })
})
