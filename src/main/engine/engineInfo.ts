/**
 * `GET /info` as the Engine pane shows it. Docker and Podman's Docker-compatible API
 * answer with the same field names, but Podman leaves several out (runtimes, registry
 * config, swarm, plugins…) and either may send null for a list: anything missing stays
 * absent, so the page says "—" rather than a made-up value.
 */
import type { EngineInfo } from '../../shared/system'

type Raw = Record<string, unknown>

const obj = (v: unknown): Raw | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [])

function pairs(v: unknown): Array<[string, string]> {
  if (!Array.isArray(v)) return []
  return v.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'))
}

/** Names and CIDRs the CLI lists under "Insecure Registries". */
function insecureRegistries(registry: Raw | undefined): string[] {
  const names = Object.entries(obj(registry?.IndexConfigs) ?? {})
    .filter(([, config]) => obj(config)?.Secure === false)
    .map(([name]) => name)
  return [...names, ...strings(registry?.InsecureRegistryCIDRs)]
}

export function toEngineInfo(raw: unknown): EngineInfo {
  const i = obj(raw) ?? {}
  const registry = obj(i.RegistryConfig)
  const swarm = obj(i.Swarm)
  const plugins = obj(i.Plugins)
  return {
    name: str(i.Name),
    id: str(i.ID),
    serverVersion: str(i.ServerVersion),
    operatingSystem: str(i.OperatingSystem),
    osType: str(i.OSType),
    osVersion: str(i.OSVersion),
    kernelVersion: str(i.KernelVersion),
    architecture: str(i.Architecture),
    cpus: num(i.NCPU),
    memTotal: num(i.MemTotal),
    systemTime: str(i.SystemTime),
    storageDriver: str(i.Driver),
    driverStatus: pairs(i.DriverStatus),
    dockerRootDir: str(i.DockerRootDir),
    cgroupDriver: str(i.CgroupDriver),
    cgroupVersion: str(i.CgroupVersion),
    loggingDriver: str(i.LoggingDriver),
    runtimes: Object.keys(obj(i.Runtimes) ?? {}).sort(),
    defaultRuntime: str(i.DefaultRuntime),
    securityOptions: strings(i.SecurityOptions),
    indexServer: str(i.IndexServerAddress),
    registryMirrors: strings(registry?.Mirrors),
    insecureRegistries: insecureRegistries(registry),
    swarm: {
      state: str(swarm?.LocalNodeState),
      nodeId: str(swarm?.NodeID),
      nodeAddr: str(swarm?.NodeAddr),
      controlAvailable: bool(swarm?.ControlAvailable),
      managers: num(swarm?.Managers),
      nodes: num(swarm?.Nodes),
      error: str(swarm?.Error),
    },
    plugins: { volume: strings(plugins?.Volume), network: strings(plugins?.Network), log: strings(plugins?.Log) },
    warnings: strings(i.Warnings),
    containers: num(i.Containers),
    containersRunning: num(i.ContainersRunning),
    containersPaused: num(i.ContainersPaused),
    containersStopped: num(i.ContainersStopped),
    images: num(i.Images),
    experimental: bool(i.ExperimentalBuild),
    liveRestore: bool(i.LiveRestoreEnabled),
    debug: bool(i.Debug),
    httpProxy: str(i.HttpProxy),
    httpsProxy: str(i.HttpsProxy),
    noProxy: str(i.NoProxy),
    labels: strings(i.Labels),
  }
}
