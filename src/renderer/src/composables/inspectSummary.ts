import type { ContainerInspect } from '@shared/types'

/** The parts of `docker inspect` a person reads first, flattened for display. */
export interface InspectSummary {
  image: string
  imageId: string
  command: string
  entrypoint: string
  created: string
  state: string
  exitCode?: number
  error?: string
  startedAt?: string
  finishedAt?: string
  restartPolicy: string
  restartCount: number
  workdir: string
  user: string
  hostname: string
  tty: boolean
  ports: string[]
  mounts: Array<{ type: string; source: string; destination: string; mode: string }>
  networks: Array<{ name: string; ip: string; gateway: string; mac: string; aliases: string[] }>
  env: Array<[string, string]>
  labels: Array<[string, string]>
  memory: number
  nanoCpus: number
  storageDriver: string
  graphDriver: Array<[string, string]>
}

interface Raw {
  Created?: string
  Path?: string
  Args?: string[]
  Image?: string
  RestartCount?: number
  State?: { Status?: string; ExitCode?: number; Error?: string; StartedAt?: string; FinishedAt?: string }
  Config?: {
    Image?: string
    Cmd?: string[] | null
    Entrypoint?: string[] | null
    Env?: string[] | null
    Labels?: Record<string, string> | null
    WorkingDir?: string
    User?: string
    Hostname?: string
    Tty?: boolean
  }
  HostConfig?: { RestartPolicy?: { Name?: string; MaximumRetryCount?: number }; Memory?: number; NanoCpus?: number }
  Mounts?: Array<{ Type?: string; Name?: string; Source?: string; Destination?: string; RW?: boolean; Mode?: string }>
  NetworkSettings?: {
    Ports?: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | null
    Networks?: Record<string, { IPAddress?: string; Gateway?: string; MacAddress?: string; Aliases?: string[] | null }> | null
  }
  GraphDriver?: { Name?: string; Data?: Record<string, string> | null }
}

const ZERO_TIME = '0001-01-01T00:00:00Z'
const time = (value?: string): string | undefined => (value && value !== ZERO_TIME ? value : undefined)

export function summarizeInspect(inspect: ContainerInspect): InspectSummary {
  const raw = inspect as unknown as Raw
  const config = raw.Config ?? {}
  const host = raw.HostConfig ?? {}
  const policy = host.RestartPolicy ?? {}
  const ports: string[] = []
  for (const [port, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
    if (!bindings?.length) ports.push(port)
    else for (const b of bindings) ports.push(`${b.HostIp && b.HostIp !== '0.0.0.0' ? `${b.HostIp}:` : ''}${b.HostPort ?? ''} → ${port}`)
  }
  return {
    image: config.Image ?? '',
    imageId: raw.Image ?? '',
    command: [raw.Path, ...(raw.Args ?? [])].filter(Boolean).join(' '),
    entrypoint: (config.Entrypoint ?? []).join(' '),
    created: raw.Created ?? '',
    state: raw.State?.Status ?? '',
    exitCode: raw.State?.Status === 'exited' || raw.State?.Status === 'dead' ? raw.State.ExitCode : undefined,
    error: raw.State?.Error || undefined,
    startedAt: time(raw.State?.StartedAt),
    finishedAt: time(raw.State?.FinishedAt),
    restartPolicy: policy.Name
      ? policy.Name === 'on-failure' && policy.MaximumRetryCount
        ? `on-failure:${policy.MaximumRetryCount}`
        : policy.Name
      : 'no',
    restartCount: raw.RestartCount ?? 0,
    workdir: config.WorkingDir ?? '',
    user: config.User ?? '',
    hostname: config.Hostname ?? '',
    tty: config.Tty ?? false,
    ports: [...new Set(ports)],
    mounts: (raw.Mounts ?? []).map((m) => ({
      type: m.Type ?? '',
      source: m.Type === 'volume' ? (m.Name ?? '') : (m.Source ?? ''),
      destination: m.Destination ?? '',
      mode: m.RW === false ? 'ro' : 'rw',
    })),
    networks: Object.entries(raw.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      ip: n.IPAddress ?? '',
      gateway: n.Gateway ?? '',
      mac: n.MacAddress ?? '',
      aliases: n.Aliases ?? [],
    })),
    env: (config.Env ?? []).map((e) => {
      const at = e.indexOf('=')
      return at === -1 ? [e, ''] : [e.slice(0, at), e.slice(at + 1)]
    }),
    labels: Object.entries(config.Labels ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    memory: host.Memory ?? 0,
    nanoCpus: host.NanoCpus ?? 0,
    storageDriver: raw.GraphDriver?.Name ?? '',
    graphDriver: Object.entries(raw.GraphDriver?.Data ?? {}),
  }
}
