import type { StorageDriverInfo } from '../../shared/files'
import type { EngineInfo } from '../../shared/system'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'
import { toEngineInfo } from './engineInfo'

/** Engine-wide information (`docker info`). */
export class SystemService {
  constructor(private readonly engine: EngineConnection) {}

  async info(): Promise<EngineInfo> {
    try {
      return toEngineInfo(await (await this.engine.client()).info())
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
