/** One engine's connection state (and `docker info`), fed by its `engine.status` stream. */
import type { EngineInfo } from '@shared/system'
import type { EngineStatus } from '@shared/types'
import { WharfError } from '@shared/errors'
import { computed, onScopeDispose, ref } from 'vue'
import { useApi } from '../api'
import type { TransportState } from '../api/bridge'
import { engineStore } from './engineStore'

export const useEngineStore = engineStore('engine', (id: string) => {
  const app = useApi()
  const api = app.engine(id)
  const status = ref<EngineStatus>({ state: 'connecting', tried: [], podmanAvailable: false })
  const transport = ref<TransportState>('open')
  const info = ref<EngineInfo | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)

  const connected = computed(() => status.value.state === 'connected' && transport.value === 'open')

  const stopStatus = api.subscribe(
    'engine.status',
    {},
    (s) => {
      status.value = s
    },
    (err) => {
      // The engine was removed while a view of it was open.
      if (err) error.value = err.message
    },
  )
  const stopTransport = app.onTransportState((state) => {
    transport.value = state
  })
  onScopeDispose(() => {
    stopStatus()
    stopTransport()
  })

  async function run(action: () => Promise<EngineStatus>): Promise<void> {
    busy.value = true
    error.value = null
    try {
      status.value = await action()
    } catch (err) {
      error.value = err instanceof WharfError ? err.message : String(err)
    } finally {
      busy.value = false
    }
  }

  const retry = (): Promise<void> => run(() => api.call('engine.retry', {}))
  const startPodman = (): Promise<void> => run(() => api.call('engine.startPodman', {}))

  async function loadInfo(): Promise<void> {
    try {
      info.value = await api.call('engine.info', {})
    } catch (err) {
      error.value = err instanceof WharfError ? err.message : String(err)
    }
  }

  return { id, status, transport, info, busy, error, connected, retry, startPodman, loadInfo }
})
