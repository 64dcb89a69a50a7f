import { WharfError } from '@shared/errors'
import type { ContainerInspect, ContainerState, ContainerSummary } from '@shared/types'
import { computed, ref, watch, type Ref } from 'vue'
import { useEngineApi } from '../composables/engineScope'
import type { StatusFacts } from './containerStatus'
import { useContainersStore } from '../stores/containers'
import { useEngineStore } from '../stores/engine'
import { errorText } from '@shared/errorText'

interface InspectState {
  Status?: ContainerState
  StartedAt?: string
  FinishedAt?: string
  ExitCode?: number
  Health?: { Status?: string }
}

/** An engine time in ms; the engine writes the zero time (year 1) for "never". */
function engineTime(text: string | undefined): number | undefined {
  const ms = text ? Date.parse(text) : NaN
  return Number.isFinite(ms) && ms > 0 ? ms : undefined
}

/**
 * One container for the details page: its live summary from the list store (kept fresh
 * by engine events) and its inspect document, fetched again whenever the state or
 * status text changes so restarts, renames and updates show without a reload.
 */
export function useContainerDetail(ref_: Ref<string>) {
  const api = useEngineApi()
  const store = useContainersStore()
  const engine = useEngineStore()
  const inspect = ref<ContainerInspect | null>(null)
  const error = ref<string | null>(null)
  const gone = ref(false)
  /** Nothing by that name or id on the engine (never was, or removed before we looked). */
  const missing = ref(false)

  const summary = computed<ContainerSummary | undefined>(() => {
    const key = ref_.value
    const direct = store.byId.get(key)
    if (direct) return direct
    const fullId = inspect.value?.Id
    if (fullId && store.byId.has(fullId)) return store.byId.get(fullId)
    for (const c of store.items) if (c.name === key || c.id.startsWith(key)) return c
    return undefined
  })
  const id = computed(() => summary.value?.id ?? inspect.value?.Id ?? ref_.value)
  const state = computed<ContainerState | undefined>(
    () => summary.value?.state ?? (inspect.value?.State as { Status?: ContainerState } | undefined)?.Status,
  )
  const name = computed(() => summary.value?.name ?? inspect.value?.Name.replace(/^\//, '') ?? ref_.value)

  // Each answer lands unless a later request's answer already has. Dropping every answer
  // but the latest request's starved the page on a loaded machine: the status text
  // ("Up 3 seconds") changes each second, and an inspect slower than that never landed.
  let requested = 0
  let applied = 0
  async function reload(): Promise<void> {
    const mine = ++requested
    try {
      const result = await api.call('containers.inspect', { id: summary.value?.id ?? inspect.value?.Id ?? ref_.value })
      if (mine < applied) return
      applied = mine
      inspect.value = result
      error.value = null
      gone.value = false
      missing.value = false
    } catch (err) {
      if (mine < applied) return
      applied = mine
      const notThere = err instanceof WharfError && (err.code === 'not_found' || err.code === 'invalid_input')
      if (notThere && !inspect.value) missing.value = true
      else if (notThere) gone.value = true
      else error.value = errorText(err)
    }
  }

  watch(
    () => [ref_.value, summary.value?.state, summary.value?.status, summary.value?.name] as const,
    () => void reload(),
    { immediate: true },
  )
  // A dropped connection failed the call in flight; ask again once it is back.
  watch(
    () => engine.connected,
    (connected) => {
      if (connected) void reload()
    },
  )
  // Removed while open: the list store dropped it after having had it.
  watch(
    () => summary.value,
    (now, before) => {
      if (before && !now && store.loaded) gone.value = true
    },
  )

  /** For the status line: inspect's exact start or exit time when it describes the same state as the list. */
  const statusFacts = computed<StatusFacts | undefined>(() => {
    const current = state.value
    if (!current) return undefined
    const listed = summary.value
    const facts: StatusFacts = { state: current, since: listed?.since, exitCode: listed?.exitCode, health: listed?.health }
    const inspected = inspect.value?.State as InspectState | undefined
    if (inspected?.Status !== current) return facts
    const started = current === 'running' || current === 'paused'
    const since = engineTime(started ? inspected.StartedAt : inspected.FinishedAt)
    const health = inspected.Health?.Status
    return {
      state: current,
      since: since ?? facts.since,
      exitCode: started ? undefined : (inspected.ExitCode ?? facts.exitCode),
      health: health === 'healthy' || health === 'unhealthy' || health === 'starting' ? health : undefined,
    }
  })

  return { summary, inspect, id, name, state, statusFacts, error, gone, missing, reload }
}
