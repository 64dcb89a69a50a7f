/**
 * One implementation for the engine's resource lists (images, volumes, networks):
 * subscribed to the list's change stream BEFORE the first list, so nothing is missed.
 * Main sends each change as the touched rows fetched again and the keys gone; they are
 * applied by key, in sort order. Changes that arrive while a list is in flight wait and
 * are applied on top of its answer (the list may predate them); a revision counter drops
 * an answer that a newer list overtook. A change too broad to send row by row (a prune)
 * settles into one list, and the list is fetched again whenever the engine (re)connects.
 */
import type { EngineStreamName, StreamEvent, StreamInput } from '@shared/contract'
import type { ListChange } from '@shared/listChange'
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { useApi } from '../api'
import type { EngineClient } from '../api/client'
import { useEngineStore } from './engine'
import { ListState, type ListShape } from './listChange'
import { errorText } from '@shared/errorText'

const SETTLE_MS = 150

/** The engine streams that carry changes to a list of T. */
type ChangeStream<T> = { [S in EngineStreamName]: StreamEvent<S> extends ListChange<T> ? S : never }[EngineStreamName]

export interface ListStoreOptions<T> extends ListShape<T> {
  engine: string
  /** Fetches the list (one or more calls). */
  fetch: (api: EngineClient) => Promise<T[]>
  /** The engine's stream of changes to the list. */
  changed: ChangeStream<T>
  /** After changes were applied (something derived from the rows to refresh). */
  onChange?: () => void
}

export interface ListStore<T> {
  items: Ref<T[]>
  loading: Ref<boolean>
  loaded: Ref<boolean>
  error: Ref<string | null>
  load: () => Promise<void>
  /** Runs a change, then lists again (an engine may not report it: Podman's networks). */
  after: <R>(work: Promise<R>) => Promise<R>
  api: EngineClient
}

/** For `npm run bench` (P8): list in hand → rows painted (after the next frame). */
function markReceived(list: string): void {
  const received = `wharf:${list}-list-received`
  const shown = `wharf:${list}-list-shown`
  performance.clearMarks(received)
  performance.clearMeasures(shown)
  performance.mark(received)
  requestAnimationFrame(() => requestAnimationFrame(() => performance.measure(shown, received)))
}

export function useListStore<T>(options: ListStoreOptions<T>): ListStore<T> {
  const api = useApi().engine(options.engine)
  const status = useEngineStore(options.engine)
  const state = new ListState<T>(options)
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined

  const unsubscribe = api.subscribe(options.changed, {} as StreamInput<ChangeStream<T>>, (event) => {
    const change = event as ListChange<T>
    if (change.relist) {
      clearTimeout(timer)
      timer = setTimeout(() => void load(), SETTLE_MS)
    } else if (state.change(change)) {
      items.value = state.items
      options.onChange?.()
    }
  })
  onScopeDispose(() => {
    unsubscribe()
    clearTimeout(timer)
  })

  async function load(): Promise<void> {
    const mine = state.begin()
    loading.value = true
    try {
      const list = await options.fetch(api)
      if (!state.answer(mine, list)) return
      markReceived(options.changed.slice(0, options.changed.indexOf('.')))
      items.value = state.items
      loaded.value = true
      error.value = null
    } catch (err) {
      if (!state.fail(mine)) return
      items.value = state.items
      error.value = errorText(err)
    } finally {
      if (state.current(mine)) loading.value = false
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
