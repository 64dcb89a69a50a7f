import type { StorageDriverInfo } from '../../shared/files'
import type { EngineInfo } from '../../shared/types'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'

/** Engine-wide information (`docker info`). */
export class SystemService {
  constructor(private readonly engine: EngineConnection) {}

  async info(): Promise<EngineInfo> {
    try {
      const i = (await (await this.engine.client()).info()) as Record<string, unknown>
      const num = (k: string): number => (typeof i[k] === 'number' ? i[k] : 0)
      const str = (k: string): string => (typeof i[k] === 'string' ? i[k] : '')
      return {
        name: str('Name'),
        serverVersion: str('ServerVersion'),
        operatingSystem: str('OperatingSystem'),
        kernelVersion: str('KernelVersion'),
        architecture: str('Architecture'),
        cpus: num('NCPU'),
        memTotal: num('MemTotal'),
        storageDriver: str('Driver'),
        containers: num('Containers'),
        containersRunning: num('ContainersRunning'),
        containersPaused: num('ContainersPaused'),
        containersStopped: num('ContainersStopped'),
        images: num('Images'),
      }
    } catch (err) {
      throw toWharfError(err)
    }
  }

  /** V6: `docker info`'s storage driver, its status lines and the engine's root folder. */
  async storageDriver(): Promise<StorageDriverInfo> {
    try {
      const i = (await (await this.engine.client()).info()) as {
        Driver?: string
        DriverStatus?: Array<[string, string]> | null
        DockerRootDir?: string
      }
      return { driver: i.Driver ?? '', status: i.DriverStatus ?? [], dockerRootDir: i.DockerRootDir ?? '' }
    } catch (err) {
      throw toWharfError(err)
    }
  }
}
