import { ContainerConfigService } from '../engine/containerConfig'
import { ContainersService } from '../engine/containers'
import { ImagesService } from '../engine/images'
import { ContainerWatcher } from '../engine/containerWatcher'
import { EngineConnection, type ConnectionOptions } from '../engine/connection'
import { podmanInstalled } from '../engine/podman'
import { SystemService } from '../engine/system'
import type { Services } from './handlers'

/** Builds every service on one engine connection and starts connecting. */
export function createServices(options: ConnectionOptions = {}): Services & { dispose(): void } {
  const engine = new EngineConnection(options)
  void podmanInstalled().then((available) => engine.setPodmanAvailable(available))
  const watcher = new ContainerWatcher(engine)
  const containers = new ContainersService(engine)
  const containerConfig = new ContainerConfigService(engine, containers.queue)
  void engine.connect()
  return {
    engine,
    watcher,
    containers,
    containerConfig,
    images: new ImagesService(engine),
    system: new SystemService(engine),
    dispose() {
      containers.dispose()
      watcher.dispose()
      engine.close()
    },
  }
}
