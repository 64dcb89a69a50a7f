/**
 * Every engine's container list (E3), for the views that look at all engines at once:
 * the switcher's and the Engines page's counts, and the list of every engine's
 * containers. Each is the engine's own keyed store (stores/containers.ts): one
 * subscription and one list per engine for as long as the app runs, shared with the
 * engine's own Containers pane — never a stream per render.
 */
import type { EngineEntry } from '@shared/engines'
import { computed, type ComputedRef } from 'vue'
import { useContainersStore } from '../stores/containers'
import { useEnginesStore } from '../stores/engines'
import { countContainers, type ContainerCounts } from './engineContainers'

export type ContainersStore = ReturnType<typeof useContainersStore>

export interface EngineContainers {
  entry: EngineEntry
  store: ContainersStore
}

export function useEveryEngineContainers(): ComputedRef<EngineContainers[]> {
  const engines = useEnginesStore()
  // The stores are keyed: asking again for a known engine's is a lookup, not a new store.
  return computed(() => engines.list.map((entry) => ({ entry, store: useContainersStore(entry.id) })))
}

/** Running and total containers per engine, once its list has come; live with its events. */
export function useContainerCounts(): ComputedRef<Map<string, ContainerCounts>> {
  const lists = useEveryEngineContainers()
  return computed(() => {
    const counts = new Map<string, ContainerCounts>()
    for (const { entry, store } of lists.value) if (store.loaded) counts.set(entry.id, countContainers(store.byId.values()))
    return counts
  })
}
