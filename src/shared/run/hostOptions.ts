/**
 * The run form's less common host options — health check, ulimits, capabilities, devices,
 * log driver — read the way the docker CLI reads them, so the form, the CLI twin and the
 * create body agree on what a value means.
 */
import type { RunSpec } from './spec'

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 }

/** A Go duration (1m30s, 500ms, 2h) in nanoseconds; undefined if unreadable. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '0') return 0
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(trimmed)) return undefined
  let total = 0
  for (const [, value, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(value) * DURATION_UNITS[unit]
  return Math.round(total)
}

/** The names `docker run --ulimit` accepts (Linux setrlimit resources). */
export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
] as const

export interface Ulimit {
  Name: string
  Soft: number
  Hard: number
}

/** `nofile=1024:2048` or `nproc=512` (hard = soft); -1 means unlimited. */
export function parseUlimit(text: string): Ulimit | undefined {
  const match = /^([a-z]+)=(-1|\d{1,19})(?::(-1|\d{1,19}))?$/.exec(text.trim())
  if (!match || !(ULIMIT_NAMES as readonly string[]).includes(match[1])) return undefined
  const soft = Number(match[2])
  const hard = match[3] === undefined ? soft : Number(match[3])
  return { Name: match[1], Soft: soft, Hard: hard }
}

/** Whether the soft limit fits under the hard one (-1 = unlimited is the largest). */
export function ulimitInOrder(limit: Ulimit): boolean {
  if (limit.Hard === -1) return true
  return limit.Soft !== -1 && limit.Soft <= limit.Hard
}

export interface DeviceMapping {
  PathOnHost: string
  PathInContainer: string
  CgroupPermissions: string
}

const DEVICE_MODE = /^[rwm]{1,3}$/

/** `/dev/x[:/dev/y][:rwm]`: the container path defaults to the host path, permissions to rwm. */
export function parseDevice(text: string): DeviceMapping | undefined {
  const parts = text.trim().split(':')
  if (parts.length > 3 || parts.some((p) => !p)) return undefined
  let mode = 'rwm'
  if (parts.length > 1 && DEVICE_MODE.test(parts.at(-1)!)) mode = parts.pop()!
  if (parts.length > 2) return undefined
  const [host, container = host] = parts as [string, string | undefined]
  if (!host.startsWith('/') || !container.startsWith('/')) return undefined
  return { PathOnHost: host, PathInContainer: container, CgroupPermissions: mode }
}

const CAPABILITY = /^(ALL|(CAP_)?[A-Z][A-Z0-9_]*)$/i

/** Docker's own normalisation: upper case with the CAP_ prefix, except ALL. */
export function normaliseCapability(name: string): string {
  const upper = name.toUpperCase()
  return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`
}

const LOG_DRIVER = /^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/

export type HostIssueCode =
  | 'duration'
  | 'healthRetries'
  | 'healthDisabled'
  | 'ulimit'
  | 'ulimitOrder'
  | 'ulimitDuplicate'
  | 'capability'
  | 'device'
  | 'logDriver'
  | 'logOptKey'

type Add = (field: string, code: HostIssueCode, params?: Record<string, string | number>) => void

/** The host options' problems, reported through `add` with RunSpec paths. */
export function validateHostOptions(spec: RunSpec, add: Add): void {
  const health = spec.health
  for (const key of ['interval', 'timeout', 'startPeriod'] as const) {
    const text = health[key]
    if (!text) continue
    const nanos = parseDuration(text)
    // The engine refuses anything between 0 and 1 ms.
    if (nanos === undefined || (nanos !== 0 && nanos < 1e6)) add(`health.${key}`, 'duration')
  }
  if (health.retries && !/^\d{1,6}$/.test(health.retries)) add('health.retries', 'healthRetries')
  if (health.disabled && (health.cmd || health.interval || health.timeout || health.startPeriod || health.retries))
    add('health.disabled', 'healthDisabled')

  const names = new Set<string>()
  spec.ulimits.forEach((text, i) => {
    const limit = parseUlimit(text)
    if (!limit) add(`ulimits.${i}`, 'ulimit')
    else if (!ulimitInOrder(limit)) add(`ulimits.${i}`, 'ulimitOrder')
    else if (names.has(limit.Name)) add(`ulimits.${i}`, 'ulimitDuplicate', { name: limit.Name })
    if (limit) names.add(limit.Name)
  })
  for (const key of ['capAdd', 'capDrop'] as const) {
    spec[key].forEach((cap, i) => {
      if (!CAPABILITY.test(cap)) add(`${key}.${i}`, 'capability')
    })
  }
  spec.devices.forEach((device, i) => {
    if (!parseDevice(device)) add(`devices.${i}`, 'device')
  })
  if (spec.logDriver && !LOG_DRIVER.test(spec.logDriver)) add('logDriver', 'logDriver')
  spec.logOpts.forEach((opt, i) => {
    if (!/^[^=\s]+=/.test(opt)) add(`logOpts.${i}`, 'logOptKey')
  })
}
