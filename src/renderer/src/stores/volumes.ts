/** The volume list (V1, V2): loaded when the pane opens and after each change made here. */
import type { VolumeSummary } from '@shared/files'
import { defineStore } from 'pinia'
import { onScopeDispose, ref, watch } from 'vue'
import { useApi } from '../api'
import { useEngineStore } from './engine'

/** A size asked for: being computed, computed, or why it could not be. */
export type VolumeSize = { busy: true } | { bytes: number; approximate: boolean } | { error: string }

export const useVolumesStore = defineStore('volumes', () => {
  const api = useApi()
  const engine = useEngineStore()
  const items = ref<VolumeSummary[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** Sizes asked for, by name (computing one runs `du` in a helper). */
  const sizes = ref(new Map<string, VolumeSize>())
  let revision = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  // Engine events (from Wharf or any other client) make the list load again, once a burst settles.
  const unsubscribe = api.subscribe('volumes.changed', {}, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void load(), 150)
  })
  onScopeDispose(() => {
    unsubscribe()
    clearTimeout(timer)
  })

  async function load(): Promise<void> {
    const mine = ++revision
    loading.value = true
    try {
      const list = await api.call('volumes.list', {})
      if (mine !== revision) return
      items.value = list.sort((a, b) => a.name.localeCompare(b.name))
      loaded.value = true
      error.value = null
    } catch (err) {
      if (mine === revision) error.value = err instanceof Error ? err.message : String(err)
    } finally {
      if (mine === revision) loading.value = false
    }
  }

  watch(
    () => engine.connected,
    (connected) => {
      if (connected) void load()
    },
    { immediate: true },
  )

  async function measure(name: string): Promise<void> {
    sizes.value = new Map(sizes.value).set(name, { busy: true })
    try {
      const size = await api.call('volumes.size', { name })
      sizes.value = new Map(sizes.value).set(name, size)
    } catch (err) {
      sizes.value = new Map(sizes.value).set(name, { error: err instanceof Error ? err.message : String(err) })
    }
  }

  async function create(spec: { name: string; driver: string; options: string[]; labels: string[] }): Promise<string> {
    const { name } = await api.call('volumes.create', spec)
    await load()
    return name
  }

  /** Returns the refusals, in the engine's (or Wharf's) words. */
  async function remove(names: string[]): Promise<string[]> {
    const result = await api.call('volumes.remove', { names, force: false })
    await load()
    return result.failed.map((f) => f.message)
  }

  async function prune(all: boolean): Promise<{ deleted: string[]; spaceReclaimed: number }> {
    const result = await api.call('volumes.prune', { all })
    await load()
    return result
  }

  return { items, loading, loaded, error, sizes, load, measure, create, remove, prune }
})
