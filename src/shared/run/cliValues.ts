/**
 * The values of `docker run` flags whose text has structure of its own (-p, -v, --mount,
 * --tmpfs, --restart), read and written the way the docker CLI does.
 */
import { PROTOCOLS, RESTART_POLICIES, type MountSpec, type PortMapping, type Protocol, type RestartPolicy } from './spec'

/** `[ip:][hostPort:]containerPort[/proto]`; IPv6 addresses in brackets. Undefined if unreadable. */
export function parsePublish(text: string): PortMapping | undefined {
  const match = /^(?:(?:\[([0-9a-fA-F:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):)?(?:(\d*):)?(\d+)(?:\/(\w+))?$/.exec(text.trim())
  if (!match) return undefined
  const protocol = (match[5] ?? 'tcp').toLowerCase()
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) return undefined
  return {
    hostIp: match[1] ?? match[2] ?? '',
    hostPort: match[3] ?? '',
    containerPort: match[4],
    protocol: protocol as Protocol,
  }
}

export function formatPublish(port: PortMapping): string {
  const proto = port.protocol === 'tcp' ? '' : `/${port.protocol}`
  const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp
  if (ip) return `${ip}:${port.hostPort}:${port.containerPort}${proto}`
  if (port.hostPort) return `${port.hostPort}:${port.containerPort}${proto}`
  return `${port.containerPort}${proto}`
}

const VOLUME_MODES = new Set([
  'ro',
  'rw',
  'z',
  'Z',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
  'nocopy',
  'consistent',
  'cached',
  'delegated',
])

/** `-v [source:]target[:mode,…]`: a host path source makes a bind mount, a name a volume. */
export function parseVolume(text: string): MountSpec | undefined {
  const parts = text.split(':')
  let mode = ''
  if (
    parts.length > 1 &&
    parts
      .at(-1)!
      .split(',')
      .every((m) => VOLUME_MODES.has(m))
  )
    mode = parts.pop()!
  if (parts.length > 2 || parts.some((p) => !p)) return undefined
  const readOnly = mode.split(',').includes('ro')
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0], readOnly }
  const [source, target] = parts as [string, string]
  const isPath = source.startsWith('/') || source.startsWith('.') || source.startsWith('~')
  return { type: isPath ? 'bind' : 'volume', source, target, readOnly }
}

/** `--mount type=…,source=…,target=…,readonly`. */
export function parseMountFlag(text: string): MountSpec | undefined {
  const mount: MountSpec = { type: 'volume', source: '', target: '', readOnly: false }
  for (const field of text.split(',')) {
    const [rawKey, value] = field.split(/=(.*)/s) as [string, string | undefined]
    const key = rawKey.trim().toLowerCase()
    if (key === 'type') {
      if (value !== 'volume' && value !== 'bind' && value !== 'tmpfs') return undefined
      mount.type = value
    } else if (key === 'source' || key === 'src') mount.source = value ?? ''
    else if (key === 'target' || key === 'destination' || key === 'dst') mount.target = value ?? ''
    else if (key === 'readonly' || key === 'ro') mount.readOnly = value === undefined || value === 'true' || value === '1'
    else return undefined
  }
  return mount.target ? mount : undefined
}

/** `--tmpfs /path[:options]`; only `ro` is kept, other options make it unreadable. */
export function parseTmpfs(text: string): MountSpec | undefined {
  const [target, options] = text.split(/:(.*)/s) as [string, string | undefined]
  if (!target) return undefined
  const opts = options ? options.split(',') : []
  if (opts.some((o) => o !== 'ro' && o !== 'rw')) return undefined
  return { type: 'tmpfs', source: '', target, readOnly: opts.includes('ro') }
}

/** The -v / --tmpfs / --mount words for one mount, as the twin writes them. */
export function formatMount(mount: MountSpec): [string, string] {
  if (mount.type === 'tmpfs') return ['--tmpfs', mount.readOnly ? `${mount.target}:ro` : mount.target]
  if (mount.type === 'volume' && !mount.source) {
    return mount.readOnly ? ['--mount', `type=volume,target=${mount.target},readonly`] : ['-v', mount.target]
  }
  return ['-v', `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`]
}

/** `no`, `always`, `unless-stopped`, `on-failure[:N]`. */
export function parseRestart(text: string): { restart: RestartPolicy; maxRetries: string } | undefined {
  const [policy, retries] = text.split(':') as [string, string | undefined]
  if (!(RESTART_POLICIES as readonly string[]).includes(policy)) return undefined
  if (retries !== undefined && (policy !== 'on-failure' || !/^\d+$/.test(retries))) return undefined
  return { restart: policy as RestartPolicy, maxRetries: retries ?? '' }
}
