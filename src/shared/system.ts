/**
 * The Engine pane (E5): `docker info` in sections, disk usage as `docker system df -v`
 * shows it, build cache prune, and the engine's live events. Plain JSON only. A field
 * an engine does not send (Podman's Docker-compatible API leaves several out) is absent,
 * never a made-up zero: the page shows "—".
 */

/** `docker info`, in the sections the pane shows. */
export interface EngineInfo {
  name?: string
  id?: string
  serverVersion?: string
  operatingSystem?: string
  osType?: string
  osVersion?: string
  kernelVersion?: string
  architecture?: string
  cpus?: number
  memTotal?: number
  /** The engine's clock (RFC 3339), as it answered. */
  systemTime?: string
  storageDriver?: string
  /** The storage driver's status lines, e.g. ["Backing Filesystem", "extfs"]. */
  driverStatus: Array<[string, string]>
  dockerRootDir?: string
  cgroupDriver?: string
  cgroupVersion?: string
  loggingDriver?: string
  /** Runtime names (runc, crun, …); `defaultRuntime` is one of them. */
  runtimes: string[]
  defaultRuntime?: string
  /** As the engine lists them: "name=seccomp,profile=default". */
  securityOptions: string[]
  indexServer?: string
  registryMirrors: string[]
  /** Registries reached without TLS checks: names and CIDRs. */
  insecureRegistries: string[]
  swarm: SwarmInfo
  plugins: { volume: string[]; network: string[]; log: string[] }
  /** The engine's own warnings (e.g. "No swap limit support"). */
  warnings: string[]
  containers?: number
  containersRunning?: number
  containersPaused?: number
  containersStopped?: number
  images?: number
  experimental?: boolean
  liveRestore?: boolean
  debug?: boolean
  httpProxy?: string
  httpsProxy?: string
  noProxy?: string
  labels: string[]
}

export interface SwarmInfo {
  /** inactive, pending, active, error, locked; absent when the engine does not say. */
  state?: string
  nodeId?: string
  nodeAddr?: string
  controlAvailable?: boolean
  managers?: number
  nodes?: number
  error?: string
}

export type DiskUsageKind = 'images' | 'containers' | 'volumes' | 'buildCache'

/** One line of `docker system df`. */
export interface DiskUsageSummary {
  kind: DiskUsageKind
  total: number
  active: number
  /** Bytes. */
  size: number
  reclaimable: number
  /** reclaimable × 100 / size, rounded down as docker prints it; absent when the size is 0. */
  percent?: number
}

export interface DiskUsageImage {
  id: string
  /** repository:tag names; empty for a dangling image. */
  tags: string[]
  /** Seconds since the epoch. */
  created: number
  size: number
  /** Bytes in layers other images share; absent when the engine did not compute it. */
  sharedSize?: number
  /** size − sharedSize: what removing this image alone frees. */
  uniqueSize?: number
  /** Containers created from it, as the engine counts them. */
  containers?: number
  /** Their names, from the same answer. */
  usedBy: string[]
}

export interface DiskUsageContainer {
  id: string
  name: string
  image: string
  command: string
  /** Seconds since the epoch. */
  created: number
  state: string
  status: string
  /** Bytes in the container's writable layer. */
  sizeRw?: number
  /** Bytes of the image and the writable layer together. */
  sizeRootFs?: number
}

export interface DiskUsageVolume {
  name: string
  driver: string
  mountpoint?: string
  /** Containers that mount it; absent when the engine did not count. */
  links?: number
  size?: number
}

export interface DiskUsageBuildCache {
  id: string
  type: string
  description: string
  inUse: boolean
  shared: boolean
  size: number
  /** Milliseconds since the epoch. */
  createdAt?: number
  lastUsedAt?: number
  usageCount?: number
}

/** `GET /system/df`, as `docker system df -v` reads it. */
export interface DiskUsage {
  /** Bytes of every image layer on disk, counted once. */
  layersSize?: number
  summary: DiskUsageSummary[]
  images: DiskUsageImage[]
  containers: DiskUsageContainer[]
  volumes: DiskUsageVolume[]
  buildCache: DiskUsageBuildCache[]
  /** False when the engine's answer has no build cache part at all (Podman). */
  buildCacheReported: boolean
}

/** What `docker builder prune [-a]` removed. */
export interface BuildCachePruneResult {
  deleted: string[]
  spaceReclaimed: number
}

/** One engine event, in the engine's own shape (what `docker events --format '{{json .}}'` prints). */
export interface EngineEvent {
  Type: string
  Action: string
  Actor: { ID: string; Attributes: Record<string, string> }
  /** local or swarm. */
  scope?: string
  /** Seconds since the epoch. */
  time: number
  timeNano?: number
}

/** Events as the `engine.events` stream delivers them: a batch per tick. */
export interface EngineEventBatch {
  events: EngineEvent[]
  /** Events main let go because this page was too far behind to take them. */
  dropped: number
}
