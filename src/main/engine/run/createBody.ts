import type { ContainerCreateOptions } from 'dockerode'
import { isJoinedNetwork } from '../../../shared/run/validate'
import { normaliseCapability, parseDevice, parseDuration, parseUlimit } from '../../../shared/run/hostOptions'
import type { HealthSpec, RunSpec } from '../../../shared/run/spec'
import { parseCpus, parseMemory } from '../../../shared/run/units'

const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none', 'default'])

function keyValues(entries: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    if (at === -1) out[entry] = ''
    else out[entry.slice(0, at)] = entry.slice(at + 1)
  }
  return out
}

/** What the docker CLI sends for --health-* / --no-healthcheck; undefined keeps the image's. */
function healthcheck(health: HealthSpec): ContainerCreateOptions['Healthcheck'] {
  if (health.disabled) return { Test: ['NONE'] }
  const { cmd, interval, timeout, startPeriod, retries } = health
  if (!cmd && !interval && !timeout && !startPeriod && !retries) return undefined
  const out: NonNullable<ContainerCreateOptions['Healthcheck']> = {}
  if (cmd) out.Test = ['CMD-SHELL', cmd]
  if (interval) out.Interval = parseDuration(interval)
  if (timeout) out.Timeout = parseDuration(timeout)
  if (startPeriod) out.StartPeriod = parseDuration(startPeriod)
  if (retries) out.Retries = Number(retries)
  return out
}

/**
 * The Engine API create body for a validated spec, shaped as the docker CLI would send
 * it for the equivalent `docker run` line (the CLI twin), so both give the same container.
 * `env` already includes the lines read from env files.
 */
export function createBody(spec: RunSpec, env: string[]): ContainerCreateOptions {
  const exposed: Record<string, object> = {}
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {}
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol}`
    exposed[key] = {}
    ;(bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort })
  }

  const binds: string[] = []
  const tmpfs: Record<string, string> = {}
  const anonymous: Record<string, object> = {}
  const mounts: NonNullable<ContainerCreateOptions['HostConfig']>['Mounts'] = []
  for (const mount of spec.mounts) {
    if (mount.type === 'tmpfs') tmpfs[mount.target] = mount.readOnly ? 'ro' : ''
    else if (!mount.source) {
      if (mount.readOnly) mounts.push({ Type: 'volume', Source: '', Target: mount.target, ReadOnly: true })
      else anonymous[mount.target] = {}
    } else binds.push(`${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`)
  }

  const network = spec.network === 'default' ? 'bridge' : spec.network
  const userNetwork = network && !BUILTIN_NETWORKS.has(network) && !isJoinedNetwork(network)
  const memory = spec.memory ? parseMemory(spec.memory) : undefined
  const nanoCpus = spec.cpus ? parseCpus(spec.cpus) : undefined

  const body: ContainerCreateOptions = {
    Image: spec.image.trim(),
    Env: env,
    Labels: keyValues(spec.labels),
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    // Like `docker run -d -i`: stdin stays open for a later attach, nothing attaches now.
    StdinOnce: false,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: exposed,
    Volumes: anonymous,
    HostConfig: {
      PortBindings: bindings,
      PublishAllPorts: spec.publishAll,
      Binds: binds,
      Mounts: mounts,
      Tmpfs: tmpfs,
      VolumesFrom: spec.volumesFrom,
      NetworkMode: network || 'bridge',
      RestartPolicy: {
        Name: spec.restart === 'no' ? '' : spec.restart,
        MaximumRetryCount: spec.restart === 'on-failure' && spec.maxRetries ? Number(spec.maxRetries) : 0,
      },
      AutoRemove: spec.autoRemove,
      ...(memory === undefined ? {} : { Memory: memory }),
      ...(nanoCpus === undefined ? {} : { NanoCpus: nanoCpus }),
      ...(spec.init ? { Init: true } : {}),
      Ulimits: spec.ulimits.map((u) => parseUlimit(u)!),
      CapAdd: spec.capAdd.map(normaliseCapability),
      CapDrop: spec.capDrop.map(normaliseCapability),
      Devices: spec.devices.map((d) => parseDevice(d)!),
      ...(spec.logDriver || spec.logOpts.length ? { LogConfig: { Type: spec.logDriver, Config: keyValues(spec.logOpts) } } : {}),
    },
  }
  const health = healthcheck(spec.health)
  if (health) body.Healthcheck = health
  if (spec.command.length > 0) body.Cmd = spec.command
  if (spec.entrypoint !== null) body.Entrypoint = spec.entrypoint === '' ? [''] : [spec.entrypoint]
  if (spec.name) body.name = spec.name
  if (spec.workdir) body.WorkingDir = spec.workdir
  if (spec.user) body.User = spec.user
  if (spec.hostname) body.Hostname = spec.hostname
  if (userNetwork) body.NetworkingConfig = { EndpointsConfig: { [network]: { Aliases: spec.aliases } } }
  return body
}
