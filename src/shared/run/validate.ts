import { CONTAINER_NAME_PATTERN, IMAGE_REF_PATTERN, VOLUME_NAME_PATTERN } from '../patterns'
import { validateHostOptions } from './hostOptions'
import type { RunSpec } from './spec'
import { parseCpus, parseMemory } from './units'

/** What is wrong, where: `field` is a path into RunSpec such as "ports.0.hostPort". */
export interface RunIssue {
  field: string
  code: RunIssueCode
  params?: Record<string, string | number>
}

export type RunIssueCode = keyof typeof RUN_ISSUE_TEXT

/** English text for each issue; the renderer translates the same codes through i18n. */
export const RUN_ISSUE_TEXT = {
  required: 'Required',
  imageRef: 'Not an image reference, e.g. nginx, nginx:1.27 or registry:5000/team/app:v2',
  containerName: 'Names use letters, digits, _ . - (at least 2 characters, starting with a letter or digit)',
  envKey: 'Each variable needs a name before "="',
  port: 'A port is a number from 1 to 65535',
  hostIp: 'Not an IPv4 or IPv6 address',
  portDuplicate: 'Host port {port}/{protocol} is already published by another row',
  portsWithJoinedNetwork: 'A container that joins another container’s network cannot publish ports',
  hostnameWithJoinedNetwork: 'A container that joins another container’s network uses that container’s hostname',
  absolutePath: 'Must be an absolute path starting with /',
  volumeName: 'Volume names use letters, digits, _ . - (at least 2 characters)',
  tmpfsSource: 'A tmpfs mount has no source',
  mountDuplicate: 'Another mount already uses {target}',
  network: 'Not a network name, host, none, bridge or container:<name>',
  aliasesNeedNetwork: 'Network aliases work only on a user-defined network',
  alias: 'Not a valid alias (letters, digits, _ . -)',
  maxRetries: 'A whole number, 0 or more',
  maxRetriesOnlyOnFailure: 'Retries apply only to the on-failure policy',
  restartWithAutoRemove: 'Auto-remove cannot be combined with a restart policy',
  hostname: 'Not a valid hostname',
  labelKey: 'Each label needs a key before "="',
  cpus: 'A positive number of CPUs, e.g. 0.5 or 2',
  memory: 'A size with a unit, e.g. 512m or 1g',
  memoryTooSmall: 'The engine needs at least 6 MiB',
  user: 'A user name or uid, optionally :group',
  volumesFrom: 'A container name, optionally followed by :ro or :rw',
  duration: 'A duration such as 30s, 1m30s or 500ms (at least 1ms, or 0)',
  healthRetries: 'A whole number, 0 or more',
  healthDisabled: 'Turning the health check off cannot be combined with health check settings',
  ulimit:
    'name=soft[:hard], e.g. nofile=1024:2048; names: core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack',
  ulimitOrder: 'The soft limit must not exceed the hard limit',
  ulimitDuplicate: 'Another line already sets {name}',
  capability: 'A capability name such as NET_ADMIN, SYS_PTRACE or ALL',
  device: 'A device path such as /dev/fuse, optionally :/path/in/container and :rwm permissions',
  logDriver: 'Not a log driver name, e.g. json-file, local, syslog or none',
  logOptKey: 'Each option is key=value, e.g. max-size=10m',
} as const

export function describeRunIssue(issue: RunIssue): string {
  return RUN_ISSUE_TEXT[issue.code].replace(/\{(\w+)\}/g, (_, key: string) => String(issue.params?.[key] ?? ''))
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/
const HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9.-]{0,62})$/
const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/
const BUILTIN_NETWORKS = new Set(['', 'bridge', 'host', 'none', 'default'])
const MIN_MEMORY = 6 * 1024 * 1024

function isPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535
}

const WILDCARDS = new Set(['', '0.0.0.0', '::'])

/** Two host addresses clash when equal or when either is a wildcard bind. */
function ipsOverlap(a: string, b: string): boolean {
  return a === b || WILDCARDS.has(a) || WILDCARDS.has(b)
}

function isNetworkMode(network: string): boolean {
  if (isJoinedNetwork(network))
    return CONTAINER_NAME_PATTERN.test(network.slice('container:'.length)) || /^[a-f0-9]{1,64}$/.test(network.slice('container:'.length))
  return BUILTIN_NETWORKS.has(network) || ALIAS.test(network)
}

export function isJoinedNetwork(network: string): boolean {
  return network.startsWith('container:')
}

/** Every problem in the spec, in field order; empty when the engine can be asked. */
export function validateRunSpec(spec: RunSpec): RunIssue[] {
  const issues: RunIssue[] = []
  const add = (field: string, code: RunIssueCode, params?: RunIssue['params']): void => {
    issues.push(params ? { field, code, params } : { field, code })
  }

  if (!spec.image.trim()) add('image', 'required')
  else if (!IMAGE_REF_PATTERN.test(spec.image.trim())) add('image', 'imageRef')
  if (spec.name && !CONTAINER_NAME_PATTERN.test(spec.name)) add('name', 'containerName')
  spec.env.forEach((entry, i) => {
    if (!entry.split('=')[0]) add(`env.${i}`, 'envKey')
  })
  spec.envFiles.forEach((file, i) => {
    if (!file.startsWith('/')) add(`envFiles.${i}`, 'absolutePath')
  })

  const joined = isJoinedNetwork(spec.network)
  spec.ports.forEach((port, i) => {
    if (!isPort(port.containerPort)) add(`ports.${i}.containerPort`, 'port')
    if (port.hostPort && !isPort(port.hostPort)) add(`ports.${i}.hostPort`, 'port')
    if (port.hostIp && !IPV4.test(port.hostIp) && !IPV6.test(port.hostIp)) add(`ports.${i}.hostIp`, 'hostIp')
    const clash = spec.ports
      .slice(0, i)
      .some(
        (other) =>
          port.hostPort && other.hostPort === port.hostPort && other.protocol === port.protocol && ipsOverlap(other.hostIp, port.hostIp),
      )
    if (clash) add(`ports.${i}.hostPort`, 'portDuplicate', { port: port.hostPort, protocol: port.protocol })
  })
  if (joined && (spec.ports.length > 0 || spec.publishAll)) add('ports', 'portsWithJoinedNetwork')

  const targets = new Set<string>()
  spec.mounts.forEach((mount, i) => {
    if (!mount.target) add(`mounts.${i}.target`, 'required')
    else if (!mount.target.startsWith('/')) add(`mounts.${i}.target`, 'absolutePath')
    else if (targets.has(mount.target)) add(`mounts.${i}.target`, 'mountDuplicate', { target: mount.target })
    targets.add(mount.target)
    if (mount.type === 'bind') {
      if (!mount.source) add(`mounts.${i}.source`, 'required')
      else if (!mount.source.startsWith('/')) add(`mounts.${i}.source`, 'absolutePath')
    } else if (mount.type === 'volume') {
      if (mount.source && !VOLUME_NAME_PATTERN.test(mount.source)) add(`mounts.${i}.source`, 'volumeName')
    } else if (mount.source) add(`mounts.${i}.source`, 'tmpfsSource')
  })
  spec.volumesFrom.forEach((ref, i) => {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*(:(ro|rw))?$/.test(ref)) add(`volumesFrom.${i}`, 'volumesFrom')
  })

  if (!isNetworkMode(spec.network)) add('network', 'network')
  if (spec.aliases.length > 0 && (BUILTIN_NETWORKS.has(spec.network) || joined)) add('aliases', 'aliasesNeedNetwork')
  spec.aliases.forEach((alias, i) => {
    if (!ALIAS.test(alias)) add(`aliases.${i}`, 'alias')
  })

  if (spec.maxRetries) {
    if (spec.restart !== 'on-failure') add('maxRetries', 'maxRetriesOnlyOnFailure')
    else if (!/^\d{1,6}$/.test(spec.maxRetries)) add('maxRetries', 'maxRetries')
  }
  if (spec.autoRemove && spec.restart !== 'no') add('restart', 'restartWithAutoRemove')
  if (spec.workdir && !spec.workdir.startsWith('/')) add('workdir', 'absolutePath')
  if (spec.hostname) {
    if (joined) add('hostname', 'hostnameWithJoinedNetwork')
    else if (!HOSTNAME.test(spec.hostname)) add('hostname', 'hostname')
  }
  if (spec.user && !/^[^:\s]+(:[^:\s]+)?$/.test(spec.user)) add('user', 'user')
  spec.labels.forEach((label, i) => {
    if (!label.split('=')[0]) add(`labels.${i}`, 'labelKey')
  })
  if (spec.cpus) {
    const nano = parseCpus(spec.cpus)
    if (!nano || nano <= 0) add('cpus', 'cpus')
  }
  if (spec.memory) {
    const bytes = parseMemory(spec.memory)
    if (bytes === undefined) add('memory', 'memory')
    else if (bytes < MIN_MEMORY) add('memory', 'memoryTooSmall')
  }
  validateHostOptions(spec, add)
  return issues
}
