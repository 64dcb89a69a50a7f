/** The engine connection, and what the app asks of the system: this domain's part of the contract (see index.ts). */
import { appMethod, engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import * as img from '../imageSchemas'
import * as sys from '../systemSchemas'
import type { BuildCachePruneResult, DiskUsage, DiskUsageBuildCache, EngineEventBatch, EngineInfo } from '../system'
import type { EngineStatus } from '../types'

export const engineMethods = {
  /** The current connection state, with every endpoint tried and why it failed. */
  'engine.status': engineMethod<typeof s.empty, EngineStatus>(s.empty),
  /** Detect the engine again now instead of waiting for the next back-off step. */
  'engine.retry': engineMethod<typeof s.empty, EngineStatus>(s.empty),
  /** Start `podman system service` on the user's rootless socket, then connect to it. */
  'engine.startPodman': engineMethod<typeof s.empty, EngineStatus>(s.empty),
  /** `docker info`, in sections; what the engine does not say is absent. */
  'engine.info': engineMethod<typeof s.empty, EngineInfo>(s.empty),
  /** `docker system df -v`: per kind a summary line and the items behind it (asked for, never polled: the engine walks every layer). */
  'engine.diskUsage': engineMethod<typeof s.empty, DiskUsage>(s.empty),
  /** The build cache records `builder.prune` would remove now, to show before asking. */
  'builder.pruneCandidates': engineMethod<typeof sys.buildCachePruneInput, DiskUsageBuildCache[]>(sys.buildCachePruneInput),
  /** `docker builder prune [-a]` (`POST /build/prune`). */
  'builder.prune': engineMethod<typeof sys.buildCachePruneInput, BuildCachePruneResult>(sys.buildCachePruneInput),
  /** The desktop app's native dialog to choose a folder (build context) or an archive (load); browser mode refuses. */
  'system.pickPath': appMethod<typeof img.pickPathInput, { path: string | null }>(img.pickPathInput),
} as const

export const engineStreams = {
  /** Connection state changes of the engine; the first event is the current state. */
  'engine.status': engineStream<typeof s.empty, EngineStatus>(s.empty),
  /**
   * `docker events`, live: batches of the engine's events of the types and actions asked
   * for (all when none), from now on. Main queues a bounded number while the page is
   * behind and counts those it let go.
   */
  'engine.events': engineStream<typeof sys.engineEventsInput, EngineEventBatch>(sys.engineEventsInput),
} as const
