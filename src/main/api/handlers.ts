import type {
  MethodInput,
  MethodName,
  MethodOutput,
  SignalInput,
  SignalName,
  StreamEvent,
  StreamInput,
  StreamName,
} from '../../shared/contract'
import type { ContainerConfigService } from '../engine/containerConfig'
import type { ContainersService } from '../engine/containers'
import type { ImagesService } from '../engine/images'
import { streamLogs } from '../engine/logs/logStream'
import { streamStats } from '../engine/statsStream'
import type { ContainerWatcher } from '../engine/containerWatcher'
import type { EngineConnection } from '../engine/connection'
import type { SystemService } from '../engine/system'
import { startPodmanService } from '../engine/podman'
import { WharfError } from '../../shared/errors'
import type { Terminals } from '../terminal/terminals'
import type { ImageBuild } from '../engine/imageBuild'
import type { ImageTransfer } from '../engine/imageTransfer'
import type { NetworksService } from '../engine/networks'
import type { Credentials } from '../registry/credentials'
import type { Tasks } from '../tasks/tasks'
import type { VolumesService } from '../engine/volumes'
import type { FileBrowser } from '../storage/fileBrowser'
import type { FileTransfer } from '../storage/fileTransfer'
import type { TransferTickets } from '../downloads/tickets'

export interface Services {
  engine: EngineConnection
  containers: ContainersService
  containerConfig: ContainerConfigService
  images: ImagesService
  watcher: ContainerWatcher
  system: SystemService
  terminals: Terminals
  tasks: Tasks
  transfer: ImageTransfer
  build: ImageBuild
  networks: NetworksService
  volumes: VolumesService
  files: FileBrowser
  fileTransfer: FileTransfer
  credentials: Credentials
  /** One-time tickets for the streamed downloads and uploads. */
  tickets: TransferTickets
  /** The desktop app's native open dialog; absent in browser mode, where paths are typed. */
  pickPath?: PathPicker
}

export type PathPicker = (kind: 'folder' | 'archive') => Promise<{ path: string | null }>

type Handlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> }
type StreamHandlers = {
  [S in StreamName]: (
    input: StreamInput<S>,
    emit: (event: StreamEvent<S>) => void,
    /** Call once when the stream finishes by itself; pass the error if it failed. */
    end: (error?: unknown) => void,
    /** False while the consumer is behind; producers that can pause should wait for true. */
    ready: () => boolean,
  ) => () => void
}

/** Binds each contract method to a service call. Inputs arrive already validated. */
export function createHandlers(s: Services): Handlers {
  return {
    'engine.status': () => Promise.resolve(s.engine.getStatus()),
    'engine.retry': () => s.engine.connect(),
    'engine.startPodman': async () => {
      await startPodmanService()
      return s.engine.connect()
    },
    'engine.info': () => s.system.info(),
    'system.pickPath': ({ kind }) => {
      if (!s.pickPath) {
        return Promise.reject(
          new WharfError({ code: 'unsupported', message: 'Browser mode has no file dialog: type the path on the machine running Wharf' }),
        )
      }
      return s.pickPath(kind)
    },
    'containers.list': () => s.containers.list(),
    'containers.start': ({ id }) => s.containers.start(id),
    'containers.stop': ({ id, timeout }) => s.containers.stop(id, timeout),
    'containers.restart': ({ id, timeout }) => s.containers.restart(id, timeout),
    'containers.remove': ({ id, force, volumes }) => s.containers.remove(id, { force, volumes }),
    'containers.kill': ({ id, signal }) => s.containers.kill(id, signal),
    'containers.pause': ({ id }) => s.containers.pause(id),
    'containers.unpause': ({ id }) => s.containers.unpause(id),
    'containers.prune': ({ labels }) => s.containers.prune(labels),
    'containers.create': ({ spec, start }) => s.containerConfig.create(spec, start),
    'containers.inspect': ({ id }) => s.containerConfig.inspect(id),
    'containers.changes': ({ id }) => s.containerConfig.changes(id),
    'containers.update': ({ id, ...options }) => s.containerConfig.update(id, options),
    'containers.rename': ({ id, name }) => s.containerConfig.rename(id, name),
    'containers.commit': ({ id, reference, ...options }) => s.containerConfig.commit(id, reference, options),
    'images.list': () => s.images.list(),
    'images.inspect': ({ id }) => s.images.inspect(id),
    'images.history': ({ id }) => s.images.history(id),
    'images.layers': ({ id }) => s.images.layers(id),
    'images.tag': ({ id, reference }) => s.images.tag(id, reference),
    'images.remove': ({ id, force }) => s.images.remove(id, force),
    'images.pruneCandidates': ({ all }) => s.images.pruneCandidates(all),
    'images.prune': ({ all }) => s.images.prune(all),
    'images.pull': ({ reference }) => Promise.resolve(s.transfer.pull(reference)),
    'images.push': ({ reference }) => Promise.resolve(s.transfer.push(reference)),
    'images.load': ({ path }) => s.transfer.load(path),
    'images.build': ({ buildArgs, ...options }) =>
      s.build.build({
        ...options,
        dockerfile: options.dockerfile ?? 'Dockerfile',
        buildArgs: Object.fromEntries(buildArgs.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])),
      }),
    'registries.login': ({ server, username, password }) => s.transfer.login(server, username, password),
    'registries.logout': async ({ server }) => {
      await s.credentials.remove(server)
      return { server }
    },
    'registries.list': () => s.credentials.list(),
    'networks.list': () => s.networks.list(),
    'networks.create': (spec) => s.networks.create(spec),
    'networks.connect': ({ network, container, aliases, ipv4 }) => s.networks.connect(network, container, aliases, ipv4 || undefined),
    'networks.disconnect': ({ network, container, force }) => s.networks.disconnect(network, container, force),
    'networks.remove': ({ id }) => s.networks.remove(id),
    'networks.prune': () => s.networks.prune(),
    'networks.topology': () => s.networks.topology(),
    'volumes.list': () => s.volumes.list(),
    'volumes.create': (spec) => s.volumes.create(spec),
    'volumes.remove': ({ names }) => s.volumes.remove(names),
    'volumes.pruneCandidates': ({ all }) => s.volumes.pruneCandidates(all),
    'volumes.prune': ({ all }) => s.volumes.prune(all),
    'volumes.size': ({ name }) => s.volumes.size(name),
    'volumes.clone': ({ from, to }) => Promise.resolve(s.fileTransfer.clone(from, to)),
    'volumes.bindMounts': () => s.volumes.bindMounts(),
    'storage.driver': () => s.system.storageDriver(),
    'files.list': ({ target, path }) => s.files.list(target, path),
    'files.read': ({ target, path, limit }) => s.files.read(target, path, limit),
    'files.makeFolder': ({ target, path, name }) => s.files.makeFolder(target, path, name),
    'files.rename': ({ target, path, name }) => s.files.rename(target, path, name),
    'files.remove': ({ target, paths }) => s.files.remove(target, paths),
    'transfers.download': (spec) => Promise.resolve(s.tickets.forDownload(spec)),
    'transfers.upload': (spec) => Promise.resolve(s.tickets.forUpload(spec)),
    'tasks.list': () => Promise.resolve(s.tasks.list()),
    'tasks.cancel': ({ id }) => Promise.resolve(s.tasks.cancel(id)),
    'tasks.dismiss': ({ id }) => Promise.resolve(s.tasks.dismiss(id)),
    'terminals.exec': ({ cols, rows, ...options }) => s.terminals.exec({ ...options, cols, rows }),
    'terminals.attach': (options) => s.terminals.attach(options),
    'terminals.host': (size) => s.terminals.host(size),
    'terminals.list': () => Promise.resolve(s.terminals.list()),
    'terminals.close': ({ id }) => s.terminals.close(id),
  }
}

export function createStreamHandlers(s: Services): StreamHandlers {
  return {
    'engine.status': (_input, emit) => {
      emit(s.engine.getStatus())
      return s.engine.statusChanged.add(emit)
    },
    'containers.changed': (_input, emit) => s.watcher.deltas.add(emit),
    'containers.logs': (input, emit, end, ready) => streamLogs(s.engine, input, { emit, end, ready }),
    'containers.stats': ({ id }, emit, end) => streamStats(s.engine, id, { emit, end }),
    'tasks.changed': (_input, emit) => s.tasks.changed.add(emit),
    'images.changed': (_input, emit) =>
      s.engine.events.add((event) => {
        // A container created or removed changes which images are in use.
        const usage = event.Type === 'container' && (event.Action === 'create' || event.Action === 'destroy')
        if (event.Type === 'image' || usage) emit({ action: event.Action, id: event.Actor.ID })
      }),
    'volumes.changed': (_input, emit) =>
      s.engine.events.add((event) => {
        // Mounts and unmounts (every helper makes some) change nothing the list shows.
        const volume = event.Type === 'volume' && (event.Action === 'create' || event.Action === 'destroy')
        const usage = event.Type === 'container' && (event.Action === 'create' || event.Action === 'destroy')
        if (volume || usage) emit({ action: event.Action, id: event.Actor.ID })
      }),
    'networks.changed': (_input, emit) =>
      s.engine.events.add((event) => {
        const addresses = event.Type === 'container' && ['start', 'die', 'destroy'].includes(event.Action)
        if (event.Type === 'network' || addresses) emit({ action: event.Action, id: event.Actor.ID })
      }),
    'terminals.output': ({ id, viewer }, emit, end) => s.terminals.watch(id, viewer, emit, () => end()),
  }
}

type SignalHandlers = { [N in SignalName]: (input: SignalInput<N>) => void }

/** Fire-and-forget messages; inputs arrive validated. */
export function createSignalHandlers(s: Services): SignalHandlers {
  return {
    'terminals.input': ({ id, data }) => s.terminals.input(id, data),
    'terminals.resize': ({ id, cols, rows }) => s.terminals.resize(id, cols, rows),
    'terminals.ack': ({ id, viewer, bytes }) => s.terminals.ack(id, viewer, bytes),
  }
}
