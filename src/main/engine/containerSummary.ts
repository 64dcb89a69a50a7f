import type Dockerode from 'dockerode'
import type { ContainerState, ContainerSummary, PortBinding } from '../../shared/types'
import { statusFacts } from './statusFacts'

const states = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'])

/**
 * Maps the engine's `GET /containers/json` item to what the renderer shows; `listedAt`
 * (ms) is when the engine answered, which its status text's durations count from.
 */
export function toContainerSummary(info: Dockerode.ContainerInfo, listedAt: number): ContainerSummary {
  const labels = info.Labels ?? {}
  const rawName = info.Names?.[0] ?? info.Id.slice(0, 12)
  const state = (info.State ?? '').toLowerCase() as ContainerState
  return {
    ...statusFacts(info.Status ?? '', listedAt),
    id: info.Id,
    name: rawName.startsWith('/') ? rawName.slice(1) : rawName,
    image: info.Image,
    imageId: info.ImageID,
    command: info.Command ?? '',
    state: states.has(state) ? state : 'dead',
    status: info.Status ?? '',
    ports: (info.Ports ?? []).map(toPort),
    created: info.Created,
    labels,
    project: labels['com.docker.compose.project'] ?? null,
  }
}

function toPort(port: Dockerode.Port): PortBinding {
  const binding: PortBinding = {
    privatePort: port.PrivatePort,
    type: port.Type === 'udp' || port.Type === 'sctp' ? port.Type : 'tcp',
  }
  if (port.IP) binding.ip = port.IP
  if (port.PublicPort) binding.publicPort = port.PublicPort
  return binding
}
