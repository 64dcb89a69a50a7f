import type { ImageSummary } from '../../shared/types'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'

/** Images on the connected engine. */
export class ImagesService {
  constructor(private readonly engine: EngineConnection) {}

  async list(): Promise<ImageSummary[]> {
    try {
      const images = await (await this.engine.client()).listImages({ all: false })
      return images.map((i) => ({
        id: i.Id,
        tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
        size: i.Size,
        created: i.Created,
        containers: i.Containers,
      }))
    } catch (err) {
      throw toWharfError(err)
    }
  }
}
