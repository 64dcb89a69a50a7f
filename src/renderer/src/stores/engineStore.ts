/**
 * Stores keyed by engine: each engine has its own instance (`containers@local`,
 * `containers@build-server`), created the first time a view of that engine asks for it,
 * so two engines' lists never mix and switching back is instant. Without an argument
 * the store is the current view's engine's (see composables/engineScope.ts).
 */
import { defineStore, getActivePinia } from 'pinia'
import { useEngineId } from '../composables/engineScope'

interface Disposable {
  $id: string
  $dispose(): void
}

/** Every keyed store made so far, by engine. */
const made = new Map<string, Set<Disposable>>()

export function engineStore<SS extends object>(name: string, setup: (engine: string) => SS) {
  const define = (engine: string) => defineStore(`${name}@${engine}`, () => setup(engine))
  const definitions = new Map<string, ReturnType<typeof define>>()
  return (engine: string = useEngineId()) => {
    let use = definitions.get(engine)
    if (!use) {
      use = define(engine)
      definitions.set(engine, use)
    }
    const store = use()
    let stores = made.get(engine)
    if (!stores) made.set(engine, (stores = new Set()))
    stores.add(store)
    return store
  }
}

/**
 * Ends an engine's stores (their streams close, their lists go) once the engine is
 * removed. An engine added again later under the same name gets the same id, and must
 * then start from fresh stores rather than the dead ones.
 */
export function disposeEngineStores(engine: string): void {
  const stores = made.get(engine)
  if (!stores) return
  made.delete(engine)
  const pinia = getActivePinia()
  for (const store of stores) {
    store.$dispose()
    // A setup store made again under the same id would otherwise start from this state.
    if (pinia) delete pinia.state.value[store.$id]
  }
}
