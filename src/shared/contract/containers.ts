/** Containers (C1–C11): this domain's part of the contract (see index.ts). */
import { engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import type {
  ActionResult,
  CommitResult,
  ContainerChange,
  ContainerInspect,
  ContainerSummary,
  ContainersDelta,
  CreateResult,
  LogBatch,
  PruneResult,
  StatsSample,
} from '../types'

export const containersMethods = {
  /** All containers, running or not (`docker ps -a`). */
  'containers.list': engineMethod<typeof s.empty, ContainerSummary[]>(s.empty),
  /** Start a created or exited container. */
  'containers.start': engineMethod<typeof s.containerTarget, ActionResult>(s.containerTarget),
  /** SIGTERM, then SIGKILL after `timeout` seconds (engine default 10). */
  'containers.stop': engineMethod<typeof s.stopInput, ActionResult>(s.stopInput),
  /** Stop then start. */
  'containers.restart': engineMethod<typeof s.stopInput, ActionResult>(s.stopInput),
  /** Remove a container; `force` kills it first, `volumes` drops its anonymous volumes. */
  'containers.remove': engineMethod<typeof s.removeInput, ActionResult>(s.removeInput),
  /** Send a signal to the main process (default SIGKILL). */
  'containers.kill': engineMethod<typeof s.killInput, ActionResult>(s.killInput),
  /** Freeze every process of a running container (cgroup freezer). */
  'containers.pause': engineMethod<typeof s.containerTarget, ActionResult>(s.containerTarget),
  /** Thaw a paused container. */
  'containers.unpause': engineMethod<typeof s.containerTarget, ActionResult>(s.containerTarget),
  /** Remove every stopped container (`docker container prune`), optionally only those with given labels. */
  'containers.prune': engineMethod<typeof s.pruneInput, PruneResult>(s.pruneInput),
  /** `docker create` / `docker run -d` from the run form; named volumes are created on the fly. */
  'containers.create': engineMethod<typeof s.createInput, CreateResult>(s.createInput),
  /** `docker inspect`, raw. */
  'containers.inspect': engineMethod<typeof s.containerTarget, ContainerInspect>(s.containerTarget),
  /** `docker diff`: the container layer's copy-on-write changes. */
  'containers.changes': engineMethod<typeof s.containerTarget, ContainerChange[]>(s.containerTarget),
  /** `docker update`: restart policy, CPU and memory limits of an existing container. */
  'containers.update': engineMethod<typeof s.updateInput, ActionResult>(s.updateInput),
  /** `docker rename`. */
  'containers.rename': engineMethod<typeof s.renameInput, ActionResult>(s.renameInput),
  /** `docker commit`: the container's filesystem as a new image. */
  'containers.commit': engineMethod<typeof s.commitInput, CommitResult>(s.commitInput),
  /**
   * The web address of a published port, built in main from the engine's own binding
   * (the engine's host, or localhost for a local socket; https for 443/8443). The desktop
   * opens it in the system browser itself (`opened`); browser mode only answers it, for
   * the page to open in a tab. The renderer never names the address.
   */
  'containers.openPort': engineMethod<typeof s.openPortInput, { url: string; opened: boolean }>(s.openPortInput),
} as const

export const containersStreams = {
  /** Deltas to the container list, from the engine's event stream. */
  'containers.changed': engineStream<typeof s.empty, ContainersDelta>(s.empty),
  /** A container's log, in batches; ends when the log does (or the container stops, when following). */
  'containers.logs': engineStream<typeof s.logsInput, LogBatch>(s.logsInput),
  /** A running container's resource use: first the last minutes main kept (once watched, main follows it until it stops), then about once a second; ends when it stops. */
  'containers.stats': engineStream<typeof s.containerTarget, StatsSample>(s.containerTarget),
} as const
