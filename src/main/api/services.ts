import { ContainerConfigService } from '../engine/containerConfig'
import { ContainersService } from '../engine/containers'
import { ImagesService } from '../engine/images'
import { ContainerWatcher } from '../engine/containerWatcher'
import { EngineConnection, type ConnectionOptions } from '../engine/connection'
import { podmanInstalled } from '../engine/podman'
import { SystemService } from '../engine/system'
import { Terminals } from '../terminal/terminals'
import { ImageBuild } from '../engine/imageBuild'
import { ImageTransfer } from '../engine/imageTransfer'
import { NetworksService } from '../engine/networks'
import { Credentials, type Vault } from '../registry/credentials'
import { Tasks } from '../tasks/tasks'
import { VolumesService } from '../engine/volumes'
import { VolumeHelpers } from '../storage/volumeHelpers'
import { FileBrowser } from '../storage/fileBrowser'
import { FileTransfer } from '../storage/fileTransfer'
import { TransferTickets } from '../downloads/tickets'
import type { PathPicker, Services } from './handlers'

/** Builds every service on one engine connection and starts connecting. */
export function createServices(
  options: ConnectionOptions & {
    hostShell?: boolean
    vault?: Vault
    pickPath?: PathPicker
    /** Browse volumes through the archive API only, as on an engine with no shell image (tests). */
    archiveOnlyHelpers?: boolean
  } = {},
): Services & { dispose(): Promise<void> } {
  const engine = new EngineConnection(options)
  void podmanInstalled().then((available) => engine.setPodmanAvailable(available))
  const watcher = new ContainerWatcher(engine)
  const containers = new ContainersService(engine)
  const containerConfig = new ContainerConfigService(engine, containers.queue)
  const terminals = new Terminals(engine, { hostShell: options.hostShell ?? true })
  const tasks = new Tasks()
  const credentials = new Credentials(process.env, options.vault)
  const helpers = new VolumeHelpers(engine, { archiveOnly: options.archiveOnlyHelpers })
  const files = new FileBrowser(engine, helpers)
  void engine.connect()
  return {
    engine,
    watcher,
    containers,
    containerConfig,
    images: new ImagesService(engine),
    system: new SystemService(engine),
    terminals,
    tasks,
    credentials,
    transfer: new ImageTransfer(engine, tasks, credentials),
    build: new ImageBuild(engine, tasks),
    networks: new NetworksService(engine),
    volumes: new VolumesService(engine, helpers),
    files,
    fileTransfer: new FileTransfer(engine, files, tasks),
    tickets: new TransferTickets(),
    pickPath: options.pickPath,
    /** Resolves once every terminal session is closed (exec'd processes told to end). */
    async dispose() {
      await terminals.closeAll()
      await helpers.dispose()
      containers.dispose()
      watcher.dispose()
      engine.close()
    },
  }
}
