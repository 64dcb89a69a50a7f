/**
 * Every engine Wharf is connected to (E3), fed by `engines.changed`; which one the user is
 * working on (the route's); and the Engines page's actions: test, add, remove, rename,
 * make default, accept an SSH host key.
 */
import type { MethodInput } from '@shared/contract'
import type { EngineEntry, EngineTestResult } from '@shared/engines'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref } from 'vue'
import { useApi } from '../api'
import { disposeEngineStores } from './engineStore'

export type EngineDraft = MethodInput<'engines.add'>

export const useEnginesStore = defineStore('engines', () => {
  const api = useApi()
  const list = ref<EngineEntry[]>([])
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** The engine of the pane on screen; the app-wide pages keep the last one. */
  const current = ref<string | null>(null)

  const stop = api.subscribe(
    'engines.changed',
    {},
    (entries) => {
      const kept = new Set(entries.map((e) => e.id))
      for (const gone of list.value) if (!kept.has(gone.id)) disposeEngineStores(gone.id)
      list.value = entries
      loaded.value = true
      error.value = null
    },
    (err) => {
      if (err) error.value = err.message
    },
  )
  onScopeDispose(stop)

  const defaultEngine = computed(() => list.value.find((e) => e.isDefault)?.id ?? list.value[0]?.id ?? null)
  const active = computed(() => current.value ?? defaultEngine.value)
  const byId = (id: string): EngineEntry | undefined => list.value.find((e) => e.id === id)

  return {
    list,
    loaded,
    error,
    current,
    active,
    defaultEngine,
    byId,
    test: (draft: EngineDraft): Promise<EngineTestResult> => api.call('engines.test', draft),
    add: (draft: EngineDraft) => api.call('engines.add', draft),
    remove: (id: string) => api.call('engines.remove', { id }),
    rename: (id: string, name: string) => api.call('engines.rename', { id, name }),
    setDefault: (id: string) => api.call('engines.setDefault', { id }),
    unlock: (id: string, passphrase: string) => api.call('engines.unlock', { id, passphrase }),
    trustHostKey: (host: string, port: number, key: string) => api.call('engines.trustHostKey', { host, port, key }),
  }
})
