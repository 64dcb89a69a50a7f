/**
 * The one contract between the renderer and main. Both transports (Electron IPC and
 * the browser-mode WebSocket) carry exactly these methods and streams; main validates
 * every input against the schema here before any service sees it.
 */
import type { z } from 'zod'
import * as s from './schemas'
import * as img from './imageSchemas'
import * as net from './networkSchemas'
import * as term from './terminalSchemas'
import type { NetworkSummary, Topology } from './networks'
import * as fs from './fileSchemas'
import * as tr from './transferSchemas'
import { METHOD_NAMES, SIGNAL_NAMES, STREAM_NAMES } from './contractNames'
import type { MethodName as ListedMethod, SignalName as ListedSignal, StreamName as ListedStream } from './contractNames'
import type { BindMount, FileListing, FilePreview, StorageDriverInfo, VolumeSummary } from './files'
import type { HistoryEntry, ImageDetail, ImagePruneResult, ImageRemoveResult } from './images'
import type { LayerExplorerResult } from './layers'
import type { TerminalEvent, TerminalInfo } from './terminal'
import type { TaskInfo } from './tasks'
import type {
  ActionResult,
  CommitResult,
  ContainerChange,
  ContainerInspect,
  ContainerSummary,
  ContainersDelta,
  CreateResult,
  EngineInfo,
  EngineStatus,
  ImageSummary,
  LogBatch,
  PruneResult,
  StatsSample,
} from './types'

interface MethodSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom field carrying the output type; never set at run time. */
  output?: O
}

function method<I extends z.ZodType, O>(input: I): MethodSpec<I, O> {
  return { input }
}

export const methods = {
  // #region engine
  /** The current connection state, with every endpoint tried and why it failed. */
  'engine.status': method<typeof s.empty, EngineStatus>(s.empty),
  /** Detect the engine again now instead of waiting for the next back-off step. */
  'engine.retry': method<typeof s.empty, EngineStatus>(s.empty),
  /** Start `podman system service` on the user's rootless socket, then connect to it. */
  'engine.startPodman': method<typeof s.empty, EngineStatus>(s.empty),
  /** `docker info`, summarised. */
  'engine.info': method<typeof s.empty, EngineInfo>(s.empty),
  /** The desktop app's native dialog to choose a folder (build context) or an archive (load); browser mode refuses. */
  'system.pickPath': method<typeof img.pickPathInput, { path: string | null }>(img.pickPathInput),
  // #endregion

  // #region containers
  /** All containers, running or not (`docker ps -a`). */
  'containers.list': method<typeof s.empty, ContainerSummary[]>(s.empty),
  /** Start a created or exited container. */
  'containers.start': method<typeof s.containerTarget, ActionResult>(s.containerTarget),
  /** SIGTERM, then SIGKILL after `timeout` seconds (engine default 10). */
  'containers.stop': method<typeof s.stopInput, ActionResult>(s.stopInput),
  /** Stop then start. */
  'containers.restart': method<typeof s.stopInput, ActionResult>(s.stopInput),
  /** Remove a container; `force` kills it first, `volumes` drops its anonymous volumes. */
  'containers.remove': method<typeof s.removeInput, ActionResult>(s.removeInput),
  /** Send a signal to the main process (default SIGKILL). */
  'containers.kill': method<typeof s.killInput, ActionResult>(s.killInput),
  /** Freeze every process of a running container (cgroup freezer). */
  'containers.pause': method<typeof s.containerTarget, ActionResult>(s.containerTarget),
  /** Thaw a paused container. */
  'containers.unpause': method<typeof s.containerTarget, ActionResult>(s.containerTarget),
  /** Remove every stopped container (`docker container prune`), optionally only those with given labels. */
  'containers.prune': method<typeof s.pruneInput, PruneResult>(s.pruneInput),
  /** `docker create` / `docker run -d` from the run form; named volumes are created on the fly. */
  'containers.create': method<typeof s.createInput, CreateResult>(s.createInput),
  /** `docker inspect`, raw. */
  'containers.inspect': method<typeof s.containerTarget, ContainerInspect>(s.containerTarget),
  /** `docker diff`: the container layer's copy-on-write changes. */
  'containers.changes': method<typeof s.containerTarget, ContainerChange[]>(s.containerTarget),
  /** `docker update`: restart policy, CPU and memory limits of an existing container. */
  'containers.update': method<typeof s.updateInput, ActionResult>(s.updateInput),
  /** `docker rename`. */
  'containers.rename': method<typeof s.renameInput, ActionResult>(s.renameInput),
  /** `docker commit`: the container's filesystem as a new image. */
  'containers.commit': method<typeof s.commitInput, CommitResult>(s.commitInput),
  // #endregion

  // #region images
  /** Images on the engine (`docker images`), without intermediate layers, with the containers using each. */
  'images.list': method<typeof s.empty, ImageSummary[]>(s.empty),
  /** `docker image inspect`: tags, digests, platform, layers, and the config a container starts from. */
  'images.inspect': method<typeof img.imageTarget, ImageDetail>(img.imageTarget),
  /** `docker history`: each step that made a layer, newest first. */
  'images.history': method<typeof img.imageTarget, HistoryEntry[]>(img.imageTarget),
  /** The layer explorer: per layer the files added, changed and removed, the merged tree, and wasted bytes. */
  'images.layers': method<typeof img.imageTarget, LayerExplorerResult>(img.imageTarget),
  /** `docker tag`: another name for the same image. */
  'images.tag': method<typeof img.tagInput, { tagged: string }>(img.tagInput),
  /** `docker rmi`: by name removes that tag (the image goes with its last tag); by id removes the image. */
  'images.remove': method<typeof img.removeImageInput, ImageRemoveResult>(img.removeImageInput),
  /** The images `images.prune` would remove now, to show before asking. */
  'images.pruneCandidates': method<typeof img.pruneImagesInput, ImageSummary[]>(img.pruneImagesInput),
  /** `docker image prune [-a]`. */
  'images.prune': method<typeof img.pruneImagesInput, ImagePruneResult>(img.pruneImagesInput),
  /** `docker pull`, as a task with per-layer progress; credentials from `registries.login` apply. */
  'images.pull': method<typeof img.transferInput, TaskInfo>(img.transferInput),
  /** `docker build` from a folder on the machine running Wharf, as a task with the build log. */
  'images.build': method<typeof img.buildInput, TaskInfo>(img.buildInput),
  /** `docker load` of a .tar from the machine running Wharf, as a task. (`docker save` is a `transfers.download`.) */
  'images.load': method<typeof img.loadInput, TaskInfo>(img.loadInput),
  /** `docker push`, as a task with per-layer progress. */
  'images.push': method<typeof img.transferInput, TaskInfo>(img.transferInput),
  // #endregion

  // #region networks
  /** Every network with its subnets and the containers on it (IPv4/IPv6/MAC). */
  'networks.list': method<typeof s.empty, NetworkSummary[]>(s.empty),
  /** `docker network create`; subnet, gateway and range checked, overlaps with existing networks refused. */
  'networks.create': method<typeof net.createNetworkInput, { id: string; name: string }>(net.createNetworkInput),
  /** `docker network connect`, with aliases and an optional static IPv4. */
  'networks.connect': method<typeof net.connectInput, { connected: string }>(net.connectInput),
  /** `docker network disconnect`. */
  'networks.disconnect': method<typeof net.disconnectInput, { disconnected: string }>(net.disconnectInput),
  /** `docker network rm`; a refusal names the containers still attached. */
  'networks.remove': method<typeof net.networkRef, { removed: string }>(net.networkRef),
  /** `docker network prune`. */
  'networks.prune': method<typeof s.empty, { deleted: string[] }>(s.empty),
  /** N5: networks, containers with their addresses and ports, and joined network namespaces. */
  'networks.topology': method<typeof s.empty, Topology>(s.empty),
  // #endregion

  // #region volumes and files
  /** Every volume with the containers using it (running or not). */
  'volumes.list': method<typeof s.empty, VolumeSummary[]>(s.empty),
  /** `docker volume create` with driver, options and labels; an existing name is refused. */
  'volumes.create': method<typeof fs.createVolumeInput, { name: string }>(fs.createVolumeInput),
  /** `docker volume rm`; volumes in use are refused, naming the containers. */
  'volumes.remove': method<typeof fs.removeVolumesInput, { removed: string[]; failed: Array<{ name: string; message: string }> }>(
    fs.removeVolumesInput,
  ),
  /** What `volumes.prune` would delete now, to show before asking. */
  'volumes.pruneCandidates': method<typeof fs.pruneVolumesInput, VolumeSummary[]>(fs.pruneVolumesInput),
  /** `docker volume prune [--all]`. */
  'volumes.prune': method<typeof fs.pruneVolumesInput, { deleted: string[]; spaceReclaimed: number }>(fs.pruneVolumesInput),
  /** The bytes a volume holds, computed on request in a helper. */
  'volumes.size': method<typeof fs.volumeRef, { name: string; bytes: number; approximate: boolean }>(fs.volumeRef),
  /** A copy of a volume into a new (or empty) one, as a task. Backup and restore are transfers (`transfers.download`, `transfers.upload`). */
  'volumes.clone': method<typeof fs.cloneVolumeInput, TaskInfo>(fs.cloneVolumeInput),
  /** V5: host paths bind-mounted into containers. */
  'volumes.bindMounts': method<typeof s.empty, BindMount[]>(s.empty),
  /** V6: the engine's storage driver and its status lines. */
  'storage.driver': method<typeof s.empty, StorageDriverInfo>(s.empty),
  /** A folder of a volume or container. Paths are relative and never leave the root. */
  'files.list': method<typeof fs.listFilesInput, FileListing>(fs.listFilesInput),
  /** The first bytes of a file, for the previews. */
  'files.read': method<typeof fs.readFileInput, FilePreview>(fs.readFileInput),
  'files.makeFolder': method<typeof fs.makeFolderInput, { path: string }>(fs.makeFolderInput),
  'files.rename': method<typeof fs.renameFileInput, { path: string }>(fs.renameFileInput),
  'files.remove': method<typeof fs.removeFilesInput, { removed: string[] }>(fs.removeFilesInput),
  // #endregion

  // #region transfers
  /** A one-time ticket for a streamed download: a log, `docker save`, a file or folder, a volume backup. */
  'transfers.download': method<typeof tr.downloadInput, tr.TransferTicket>(tr.downloadInput),
  /** A one-time ticket for a streamed upload: a file, an archive to extract, a backup to restore. */
  'transfers.upload': method<typeof tr.uploadInput, tr.TransferTicket>(tr.uploadInput),
  // #endregion

  // #region registries and tasks
  /** `docker login`: checked with the registry through the engine, then kept by the docker credential helper configured for it, else in memory only. */
  'registries.login': method<typeof img.loginInput, { server: string; username: string; store: string; status: string }>(img.loginInput),
  /** `docker logout`: forgets the credentials (erasing them from the credential helper that holds them). */
  'registries.logout': method<typeof img.logoutInput, { server: string }>(img.logoutInput),
  /** Registries Wharf holds credentials for (user names only). */
  'registries.list': method<typeof s.empty, Array<{ server: string; username: string; store: string }>>(s.empty),
  /** Running and recently finished tasks. */
  'tasks.list': method<typeof s.empty, TaskInfo[]>(s.empty),
  /** Stop a running task (the engine abandons the transfer). */
  'tasks.cancel': method<typeof img.taskRef, TaskInfo>(img.taskRef),
  /** Forget a finished task. */
  'tasks.dismiss': method<typeof img.taskRef, { dismissed: number }>(img.taskRef),
  // #endregion

  // #region terminals
  /** `docker exec -it`: a new process (default: bash if present, else sh) with a TTY in a running container. */
  'terminals.exec': method<typeof term.execInput, TerminalInfo>(term.execInput),
  /** `docker attach`: the main process's TTY (read-only output when it has none). */
  'terminals.attach': method<typeof term.attachInput, TerminalInfo>(term.attachInput),
  /** A shell on the host running Wharf, with DOCKER_HOST pointing at the connected engine. */
  'terminals.host': method<typeof term.hostShellInput, TerminalInfo>(term.hostShellInput),
  /** Every session main holds, open or ended, oldest first: the pane rebuilds its tabs from it. */
  'terminals.list': method<typeof s.empty, TerminalInfo[]>(s.empty),
  /** Close a tab: ends the exec'd processes, detaches an attach, hangs up a host shell; forgets the session. */
  'terminals.close': method<typeof term.terminalRef, { closed: number }>(term.terminalRef),
  // #endregion
} as const satisfies Record<ListedMethod, MethodSpec<z.ZodType, unknown>>

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = NonNullable<(typeof methods)[M]['output']>

export const methodNames: readonly MethodName[] = METHOD_NAMES

interface StreamSpec<I extends z.ZodType, E> {
  input: I
  event?: E
}

function stream<I extends z.ZodType, E>(input: I): StreamSpec<I, E> {
  return { input }
}

export const streams = {
  /** Connection state changes of the engine; the first event is the current state. */
  'engine.status': stream<typeof s.empty, EngineStatus>(s.empty),
  /** Deltas to the container list, from the engine's event stream. */
  'containers.changed': stream<typeof s.empty, ContainersDelta>(s.empty),
  /** A container's log, in batches; ends when the log does (or the container stops, when following). */
  'containers.logs': stream<typeof s.logsInput, LogBatch>(s.logsInput),
  /** A running container's resource use, about once a second; ends when it stops. */
  'containers.stats': stream<typeof s.containerTarget, StatsSample>(s.containerTarget),
  /** A task started, progressed (at most ten times a second) or ended. */
  'tasks.changed': stream<typeof s.empty, TaskInfo>(s.empty),
  /** Something about images changed (pull, tag, untag, delete, load, build); the event names what happened. Lists again are the subscriber's call. */
  'images.changed': stream<typeof s.empty, { action: string; id: string }>(s.empty),
  /** A volume was created or removed, or a container that may use one; list again. */
  'volumes.changed': stream<typeof s.empty, { action: string; id: string }>(s.empty),
  /** A network was created, removed, connected or disconnected, or a container came or went; list again. */
  'networks.changed': stream<typeof s.empty, { action: string; id: string }>(s.empty),
  /**
   * A terminal's output as bytes, starting with what main still holds of the past (the
   * replay buffer), then status changes; ends after the session has ended. The viewer
   * acknowledges rendered bytes with `terminals.ack`, or main stops reading the engine.
   */
  'terminals.output': stream<typeof term.terminalOutputInput, TerminalEvent>(term.terminalOutputInput),
} as const satisfies Record<ListedStream, StreamSpec<z.ZodType, unknown>>

/**
 * Fire-and-forget messages: no reply, no ordering promise with calls. Main validates
 * them like everything else and drops what fails.
 */
export const signals = {
  /** Keystrokes and pastes into a session (binary frames on the WebSocket). */
  'terminals.input': term.terminalInput,
  /** The terminal's size changed; the TTY follows (`stty size`). */
  'terminals.resize': term.terminalResize,
  /** Flow control: this many bytes of output were rendered. */
  'terminals.ack': term.terminalAck,
} as const satisfies Record<ListedSignal, z.ZodType>

export type SignalName = keyof typeof signals
export type SignalInput<N extends SignalName> = z.input<(typeof signals)[N]>
export const signalNames: readonly SignalName[] = SIGNAL_NAMES

export function isSignalName(name: unknown): name is SignalName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(signals, name)
}

export type StreamName = keyof typeof streams
export type StreamInput<S extends StreamName> = z.input<(typeof streams)[S]['input']>
export type StreamEvent<S extends StreamName> = NonNullable<(typeof streams)[S]['event']>

export const streamNames: readonly StreamName[] = STREAM_NAMES

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name)
}

export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(streams, name)
}
