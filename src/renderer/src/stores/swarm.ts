/**
 * An engine's swarm (E6): its membership, and for a manager its nodes, services (with
 * running counts) and secrets/configs. Subscribed to the engine's swarm changes before the
 * first load; a burst settles into one reload. Tasks on other nodes raise no event here,
 * so while a service is converging (running ≠ desired, or an update under way) the
 * services are listed again every second until it settles.
 */
import type { ServiceSpecInput, StackDeployInput } from '@shared/swarm/schemas'
import type { NodeAvailability, NodeRole, SecretKind, SwarmNode, SwarmSecret, SwarmService, SwarmStatus } from '@shared/swarm/types'
import { computed, onScopeDispose, ref, watch } from 'vue'
import { useApi } from '../api'
import { useEngineStore } from './engine'
import { engineStore } from './engineStore'
import { errorText } from '@shared/errorText'

const SETTLE_MS = 150
const CONVERGE_POLL_MS = 1000
const MOVING = new Set(['updating', 'rollback_started'])

export const useSwarmStore = engineStore('swarm', (engine: string) => {
  const api = useApi().engine(engine)
  const connection = useEngineStore(engine)
  const status = ref<SwarmStatus | null>(null)
  const nodes = ref<SwarmNode[]>([])
  const services = ref<SwarmService[]>([])
  const secrets = ref<SwarmSecret[]>([])
  const configs = ref<SwarmSecret[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  let revision = 0
  let settle: ReturnType<typeof setTimeout> | undefined
  let poll: ReturnType<typeof setTimeout> | undefined

  const unsubscribe = api.subscribe('swarm.changed', {}, () => {
    clearTimeout(settle)
    settle = setTimeout(() => void load(), SETTLE_MS)
  })
  onScopeDispose(() => {
    unsubscribe()
    clearTimeout(settle)
    clearTimeout(poll)
  })

  const converging = computed(() => services.value.some((s) => s.running !== s.desired || MOVING.has(s.update?.state ?? '')))

  async function load(): Promise<void> {
    const mine = ++revision
    loading.value = true
    try {
      const next = await api.call('swarm.status', {})
      const lists = next.manager
        ? await Promise.all([
            api.call('swarm.nodes', {}),
            api.call('swarm.services', {}),
            api.call('swarm.secrets', { kind: 'secret' }),
            api.call('swarm.secrets', { kind: 'config' }),
          ])
        : ([[], [], [], []] as const)
      if (mine !== revision) return
      status.value = next
      nodes.value = [...lists[0]].sort(
        (a, b) => Number(b.role === 'manager') - Number(a.role === 'manager') || a.hostname.localeCompare(b.hostname),
      )
      services.value = [...lists[1]].sort((a, b) => a.name.localeCompare(b.name))
      secrets.value = [...lists[2]]
      configs.value = [...lists[3]]
      error.value = null
    } catch (err) {
      if (mine === revision) error.value = errorText(err)
    } finally {
      if (mine === revision) {
        loading.value = false
        schedulePoll()
      }
    }
  }

  /** Only the services while they converge: nodes, secrets and membership change with events. */
  function schedulePoll(): void {
    clearTimeout(poll)
    if (converging.value) poll = setTimeout(() => void refreshServices(), CONVERGE_POLL_MS)
  }
  async function refreshServices(): Promise<void> {
    const mine = revision
    try {
      const list = await api.call('swarm.services', {})
      if (mine !== revision) return
      services.value = [...list].sort((a, b) => a.name.localeCompare(b.name))
    } catch (err) {
      if (mine === revision) error.value = errorText(err)
    }
    if (mine === revision) schedulePoll()
  }

  watch(
    computed(() => connection.connected),
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

  return {
    status,
    nodes,
    services,
    secrets,
    configs,
    loading,
    error,
    converging,
    load,
    api,
    init: (advertiseAddr: string, listenAddr: string) => after(api.call('swarm.init', { advertiseAddr, listenAddr })),
    join: (remoteAddr: string, token: string, advertiseAddr: string) => after(api.call('swarm.join', { remoteAddr, token, advertiseAddr })),
    leave: (force: boolean) => after(api.call('swarm.leave', { force })),
    updateNode: (id: string, change: { role?: NodeRole; availability?: NodeAvailability }) =>
      after(api.call('swarm.updateNode', { id, ...change })),
    removeNode: (id: string) => after(api.call('swarm.removeNode', { id })),
    createService: (spec: ServiceSpecInput) => after(api.call('swarm.createService', spec)),
    scale: (id: string, replicas: number) => after(api.call('swarm.scaleService', { id, replicas })),
    updateImage: (id: string, image: string) => after(api.call('swarm.updateImage', { id, image })),
    rollback: (id: string) => after(api.call('swarm.rollbackService', { id })),
    removeService: (id: string) => after(api.call('swarm.removeService', { id })),
    createSecret: (kind: SecretKind, name: string, value: string, labels: string[]) =>
      after(api.call('swarm.createSecret', { kind, name, value, labels })),
    removeSecret: (kind: SecretKind, id: string) => after(api.call('swarm.removeSecret', { kind, id })),
    /** What a stack is made of (its services, networks, secrets, configs), asked when a stack's page or its removal needs it. */
    stack: (name: string) => api.call('swarm.stack', { name }),
    /** These start tasks; the services come and go with the swarm's events. */
    deployStack: (input: StackDeployInput) => api.call('swarm.deployStack', input),
    removeStack: (name: string) => api.call('swarm.removeStack', { name }),
  }
})
