/** Networks (N1–N5): loaded when the pane opens and after each change made here. */
import type { NetworkSummary, Topology } from '@shared/networks'
import { defineStore } from 'pinia'
import { onScopeDispose, ref, watch } from 'vue'
import { useApi } from '../api'
import { useEngineStore } from './engine'

export interface NetworkSpec {
  name: string
  driver: 'bridge' | 'macvlan' | 'ipvlan' | 'overlay'
  subnet?: string
  gateway?: string
  ipRange?: string
  internal: boolean
  attachable: boolean
  ipv6: boolean
  labels: string[]
  options: string[]
}

export const useNetworksStore = defineStore('networks', () => {
  const api = useApi()
  const engine = useEngineStore()
  const items = ref<NetworkSummary[]>([])
  const topology = ref<Topology | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  let revision = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  // Engine events (from Wharf or any other client) make the list load again, once a burst settles.
  const unsubscribe = api.subscribe('networks.changed', {}, () => {
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
      const [list, topo] = await Promise.all([api.call('networks.list', {}), api.call('networks.topology', {})])
      if (mine !== revision) return
      items.value = list.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name))
      topology.value = topo
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

  async function after<T>(work: Promise<T>): Promise<T> {
    const result = await work
    await load()
    return result
  }

  return {
    items,
    topology,
    loading,
    loaded,
    error,
    load,
    create: (spec: NetworkSpec) => after(api.call('networks.create', spec)),
    remove: (id: string) => after(api.call('networks.remove', { id })),
    prune: () => after(api.call('networks.prune', {})),
    connect: (network: string, container: string, aliases: string[], ipv4: string) =>
      after(api.call('networks.connect', { network, container, aliases, ipv4 })),
    disconnect: (network: string, container: string) => after(api.call('networks.disconnect', { network, container, force: false })),
  }
})
