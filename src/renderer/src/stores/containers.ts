/**
 * The container list, fed by the engine's events. It subscribes BEFORE fetching the
 * snapshot and replays deltas that arrived while the snapshot was in flight, so no
 * change is lost between the two; a `resync` delta (engine reconnected) re-lists.
 */
import type { ActionResult, ContainerSummary, ContainersDelta, PruneResult } from '@shared/types'
import { WharfError } from '@shared/errors'
import { computed, onScopeDispose, reactive, ref, shallowRef, triggerRef, watch } from 'vue'
import { useApi } from '../api'
import { applyDelta } from './containerList'
import { useEngineStore } from './engine'
import { engineStore } from './engineStore'
import { errorText } from '@shared/errorText'

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove'

export interface ActionOptions {
  force?: boolean
  volumes?: boolean
  signal?: string
  /** Seconds between SIGTERM and SIGKILL for stop and restart; the engine default when absent. */
  timeout?: number
}

export interface ActionFailure {
  id: string
  name: string
  action: ContainerAction
  message: string
}

export const useContainersStore = engineStore('containers', (id: string) => {
  const api = useApi().engine(id)
  const engine = useEngineStore(id)
  const byId = shallowRef(new Map<string, ContainerSummary>())
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** Container ids with an action in flight, and which action. */
  const busy = reactive(new Map<string, ContainerAction>())

  let buffered: ContainersDelta[] | null = null
  let revision = 0

  const items = computed(() => [...byId.value.values()])
  /** What `docker container prune` removes: every container not running, paused or restarting. */
  const stopped = computed(() => items.value.filter((c) => c.state === 'exited' || c.state === 'created' || c.state === 'dead'))

  function onDelta(delta: ContainersDelta): void {
    if (delta.kind === 'resync') {
      void load()
      return
    }
    if (buffered) buffered.push(delta)
    if (applyDelta(byId.value, delta)) renderSoon()
  }

  // A burst of events arrives as many deltas; the map takes each at once, the list
  // re-renders once per frame with all of them (P2).
  let frame = 0
  function renderSoon(): void {
    frame ||= requestAnimationFrame(() => {
      frame = 0
      triggerRef(byId)
    })
  }

  const unsubscribe = api.subscribe('containers.changed', {}, onDelta)
  onScopeDispose(unsubscribe)

  /** `quiet`: an engine that is still connecting is not an error worth showing. */
  async function load(quiet = false): Promise<void> {
    const mine = ++revision
    loading.value = true
    buffered = []
    try {
      const list = await api.call('containers.list', {})
      if (mine !== revision) return
      performance.clearMarks('wharf:list-received')
      performance.clearMeasures('wharf:list-shown')
      performance.mark('wharf:list-received')
      const map = new Map(list.map((c) => [c.id, c]))
      for (const delta of buffered) applyDelta(map, delta)
      byId.value = map
      loaded.value = true
      // For `npm run bench`: list in hand → rows painted (after the next frame).
      requestAnimationFrame(() => requestAnimationFrame(() => performance.measure('wharf:list-shown', 'wharf:list-received')))
      error.value = null
    } catch (err) {
      const silent = quiet && err instanceof WharfError && err.code === 'engine_unavailable'
      if (mine === revision && !silent) error.value = err instanceof WharfError ? err.message : String(err)
    } finally {
      if (mine === revision) {
        buffered = null
        loading.value = false
      }
    }
  }

  // Listed at once (the engine is usually up before the page is), then again whenever
  // the engine or the server comes back — unless a list is in flight or already fresh.
  let fresh = false
  let inFlight: Promise<void> | null = null
  function loadOnce(quiet: boolean): void {
    if (inFlight) return
    inFlight = load(quiet).finally(() => (inFlight = null))
  }
  watch(
    () => engine.connected,
    (connected) => {
      if (!connected) fresh = false
      else if (!fresh) loadOnce(false)
    },
  )
  loadOnce(true)

  async function act(ids: string[], action: ContainerAction, options: ActionOptions = {}): Promise<ActionFailure[]> {
    const failures: ActionFailure[] = []
    await Promise.all(
      ids.map(async (id) => {
        if (busy.has(id)) return
        busy.set(id, action)
        try {
          applyResult(await call(id, action, options))
        } catch (err) {
          failures.push({
            id,
            name: byId.value.get(id)?.name ?? id.slice(0, 12),
            action,
            message: errorText(err),
          })
        } finally {
          busy.delete(id)
        }
      }),
    )
    return failures
  }

  function call(id: string, action: ContainerAction, options: ActionOptions): Promise<ActionResult> {
    switch (action) {
      case 'remove':
        return api.call('containers.remove', { id, force: options.force, volumes: options.volumes })
      case 'kill':
        return api.call('containers.kill', { id, signal: options.signal })
      case 'stop':
      case 'restart':
        return api.call(`containers.${action}`, options.timeout === undefined ? { id } : { id, timeout: options.timeout })
      default:
        return api.call(`containers.${action}`, { id })
    }
  }

  async function prune(): Promise<PruneResult> {
    const result = await api.call('containers.prune', {})
    if (applyDelta(byId.value, { kind: 'remove', ids: result.removed })) triggerRef(byId)
    return result
  }

  /** Shows the state the engine reported at once; the event that follows confirms it. */
  function applyResult(result: ActionResult): void {
    const current = byId.value.get(result.id)
    if (!current) return
    if (result.state === 'removed') byId.value.delete(result.id)
    else byId.value.set(result.id, { ...current, state: result.state })
    triggerRef(byId)
  }

  return { byId, items, stopped, loading, loaded, error, busy, load: () => load(), act, prune }
})
