/**
 * Stores keyed by engine: each engine has its own instance (`containers@local`,
 * `containers@build-server`), created the first time a view of that engine asks for it,
 * so two engines' lists never mix and switching back is instant. Without an argument
 * the store is the current view's engine's (see composables/engineScope.ts).
 */
import { defineStore } from 'pinia'
import { useEngineId } from '../composables/engineScope'

export function engineStore<SS extends object>(name: string, setup: (engine: string) => SS) {
  const define = (engine: string) => defineStore(`${name}@${engine}`, () => setup(engine))
  const definitions = new Map<string, ReturnType<typeof define>>()
  return (engine: string = useEngineId()) => {
    let use = definitions.get(engine)
    if (!use) {
      use = define(engine)
      definitions.set(engine, use)
    }
    return use()
  }
}
