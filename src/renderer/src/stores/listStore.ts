/**
 * One implementation for the engine's resource lists (images, volumes, networks):
 * subscribed to the engine's change events BEFORE the first list, so nothing is missed;
 * a burst of events settles into one re-list; a revision counter drops an answer that a
 * newer list overtook; the list is fetched again whenever the engine (re)connects.
 * Images, volumes and networks change rarely and their events carry no full row, so
 * listing again is simpler and as cheap as patching.
 */
import type { EngineStreamName } from '@shared/contract'
import { computed, onScopeDispose, ref, watch, type Ref } from 'vue'
import { useApi } from '../api'
import type { EngineClient } from '../api/client'
import { useEngineStore } from './engine'

const SETTLE_MS = 150

export interface ListStoreOptions<T> {
  engine: string
  /** Fetches the list (one or more calls). */
  fetch: (api: EngineClient) => Promise<T[]>
  /** The engine's stream that says the list changed. */
  changed: Extract<EngineStreamName, `${string}.changed`>
  compare: (a: T, b: T) => number
}

export interface ListStore<T> {
  items: Ref<T[]>
  loading: Ref<boolean>
  loaded: Ref<boolean>
  error: Ref<string | null>
  load: () => Promise<void>
  /** Runs a change, then lists again (the change's own events will confirm it). */
  after: <R>(work: Promise<R>) => Promise<R>
  api: EngineClient
}

export function useListStore<T>(options: ListStoreOptions<T>): ListStore<T> {
  const api = useApi().engine(options.engine)
  const status = useEngineStore(options.engine)
  const items = ref([]) as Ref<T[]>
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  let revision = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const unsubscribe = api.subscribe(options.changed, {}, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void load(), SETTLE_MS)
  })
  onScopeDispose(() => {
    unsubscribe()
    clearTimeout(timer)
  })

  async function load(): Promise<void> {
    const mine = ++revision
    loading.value = true
    try {
      const list = await options.fetch(api)
      if (mine !== revision) return
      items.value = [...list].sort(options.compare)
      loaded.value = true
      error.value = null
    } catch (err) {
      if (mine === revision) error.value = err instanceof Error ? err.message : String(err)
    } finally {
      if (mine === revision) loading.value = false
    }
  }

  watch(
    computed(() => status.connected),
    (connected) => {
      if (connected) void load()
    },
    { immediate: true },
  )

  async function after<R>(work: Promise<R>): Promise<R> {
    const result = await work
    await load()
    return result
  }

  return { items, loading, loaded, error, load, after, api }
}
