/**
 * One engine and every service that acts on it — its connection, the container list's
 * watcher, the resource services, volume helpers and file access — created together and
 * torn down by one `dispose` (helpers removed, event stream closed). Any number live side
 * by side in the registry; nothing in one reaches another engine.
 */
import { DisposableStore } from '../disposables'
import type { Credentials } from '../registry/credentials'
import { FileBrowser } from '../storage/fileBrowser'
import { FileTransfer } from '../storage/fileTransfer'
import { VolumeHelpers } from '../storage/volumeHelpers'
import type { Tasks } from '../tasks/tasks'
import { ComposeProjects } from './compose/projects'
import { EngineConnection, type ConnectionOptions } from './connection'
import { ContainerConfigService } from './containerConfig'
import { ContainersService } from './containers'
import { ContainerWatcher } from './containerWatcher'
import { DiskUsageService } from './diskUsage'
import { ImageBuild } from './imageBuild'
import { ImagesService } from './images'
import { StatsHistory } from './statsHistory'
import { ImageTransfer } from './imageTransfer'
import { NetworksService } from './networks'
import { SwarmCluster } from './swarm/cluster'
import { SwarmSecrets } from './swarm/secrets'
import { SwarmServices } from './swarm/services'
import { SwarmStacks } from './swarm/stacks'
import { SystemService } from './system'
import { VolumesService } from './volumes'

export interface ScopeOptions extends ConnectionOptions {
  /** Browse volumes through the archive API only, as on an engine with no shell image (tests). */
  archiveOnlyHelpers?: boolean
}

/** What engines share: tasks (labelled with their engine) and registry logins. */
export interface SharedServices {
  tasks: Tasks
  credentials: Credentials
}

export class EngineScope {
  readonly connection: EngineConnection
  readonly watcher: ContainerWatcher
  readonly containers: ContainersService
  readonly containerConfig: ContainerConfigService
  readonly images: ImagesService
  readonly transfer: ImageTransfer
  readonly build: ImageBuild
  readonly system: SystemService
  readonly diskUsage: DiskUsageService
  readonly networks: NetworksService
  readonly helpers: VolumeHelpers
  readonly volumes: VolumesService
  readonly files: FileBrowser
  readonly fileTransfer: FileTransfer
  readonly compose: ComposeProjects
  readonly swarm: { cluster: SwarmCluster; services: SwarmServices; secrets: SwarmSecrets; stacks: SwarmStacks }
  readonly stats: StatsHistory
  private readonly teardown = new DisposableStore()

  constructor(
    readonly id: string,
    readonly name: string,
    options: ScopeOptions,
    shared: SharedServices,
  ) {
    const tasks = shared.tasks.forEngine(id)
    this.connection = new EngineConnection(options)
    this.watcher = new ContainerWatcher(this.connection)
    this.containers = new ContainersService(this.connection)
    this.containerConfig = new ContainerConfigService(this.connection, this.containers.queue)
    this.images = new ImagesService(this.connection)
    this.transfer = new ImageTransfer(this.connection, tasks, shared.credentials)
    this.build = new ImageBuild(this.connection, tasks)
    this.system = new SystemService(this.connection)
    this.diskUsage = new DiskUsageService(this.connection)
    this.networks = new NetworksService(this.connection)
    this.helpers = new VolumeHelpers(this.connection, { archiveOnly: options.archiveOnlyHelpers })
    this.volumes = new VolumesService(this.connection, this.helpers)
    this.files = new FileBrowser(this.connection, this.helpers)
    this.fileTransfer = new FileTransfer(this.connection, this.files, tasks)
    this.compose = new ComposeProjects(this.connection, this.containers)
    this.swarm = {
      cluster: new SwarmCluster(this.connection),
      services: new SwarmServices(this.connection),
      secrets: new SwarmSecrets(this.connection),
      stacks: new SwarmStacks(this.connection),
    }
    this.stats = new StatsHistory(this.connection)
    // Undone newest first: helpers go while the connection can still remove them.
    this.teardown.add(() => this.connection.close())
    this.teardown.add(() => this.watcher.dispose())
    this.teardown.add(() => this.containers.dispose())
    this.teardown.add(() => this.helpers.dispose())
    this.teardown.add(() => this.stats.dispose())
    void this.connection.connect()
  }

  dispose(): Promise<void> {
    return this.teardown.dispose()
  }
}
