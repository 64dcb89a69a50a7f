/**
 * The Compose pane's data: projects grouped from the live container list (so they follow
 * every engine event without a list of their own), the actions on them, and where a
 * published port is reached from this machine.
 */
import { groupProjects, type ComposeProject, type ProjectAction, type ProjectActionResult } from '@shared/compose'
import type { PortBinding } from '@shared/types'
import { computed, ref } from 'vue'
import { useContainersStore } from '../stores/containers'
import { useEngineStore } from '../stores/engine'
import { useEngineApi } from './engineScope'
import { errorText } from '@shared/errorText'

export function useComposeProjects() {
  const containers = useContainersStore()
  const projects = computed<ComposeProject[]>(() => groupProjects(containers.items))
  return { projects, containers }
}

/** Project and service actions through the Engine API, one at a time per page. */
export function useProjectActions() {
  const api = useEngineApi()
  const busy = ref<string | null>(null)
  const error = ref<string | null>(null)
  const result = ref<{ action: ProjectAction; outcome: ProjectActionResult } | null>(null)

  async function act(project: string, action: ProjectAction, service?: string): Promise<ProjectActionResult | undefined> {
    busy.value = service ? `${service}:${action}` : action
    error.value = null
    result.value = null
    try {
      const outcome = await api.call('compose.act', { project, action, ...(service ? { service } : {}) })
      result.value = { action, outcome }
      return outcome
    } catch (err) {
      error.value = errorText(err)
      return undefined
    } finally {
      busy.value = null
    }
  }
  return { act, busy, error, result }
}

/** The host a published port is reached at: the engine's own host for a remote engine. */
export function useEngineHost() {
  const engine = useEngineStore()
  return computed(() => {
    const endpoint = engine.status?.endpoint
    if (!endpoint) return 'localhost'
    try {
      const url = new URL(endpoint)
      return url.protocol === 'unix:' || url.protocol === 'npipe:' || !url.hostname ? 'localhost' : url.hostname
    } catch {
      return 'localhost'
    }
  })
}

/** An http link to a published TCP port, or undefined for one not published (or UDP). */
export function portUrl(port: PortBinding, engineHost: string): string | undefined {
  if (!port.publicPort || port.type !== 'tcp') return undefined
  const wildcard = !port.ip || port.ip === '0.0.0.0' || port.ip === '::'
  const host = wildcard ? engineHost : port.ip!
  return `http://${host.includes(':') ? `[${host}]` : host}:${port.publicPort}/`
}

/**
 * One of each mapping: the engine lists a port published on both IPv4 and IPv6 twice —
 * and dockerd before 23 picks a different random host port for each, so the IPv6 one
 * goes when the same container port is published on every IPv4 address too.
 */
export function uniquePorts(ports: PortBinding[]): PortBinding[] {
  const seen = new Set<string>()
  const onIpv4 = new Set(ports.filter((p) => p.publicPort && (!p.ip || p.ip === '0.0.0.0')).map((p) => `${p.privatePort}/${p.type}`))
  return ports.filter((p) => {
    if (p.ip === '::' && onIpv4.has(`${p.privatePort}/${p.type}`)) return false
    const wildcard = !p.ip || p.ip === '0.0.0.0' || p.ip === '::'
    const key = `${wildcard ? '*' : p.ip}:${p.publicPort ?? ''}:${p.privatePort}/${p.type}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
