/**
 * Which image and which volumes each container uses, kept from the engine's container
 * events. A destroyed container is gone from the engine by the time its event arrives,
 * so the image and volumes whose "used by" it leaves are looked up here. Seeded by one
 * container list; containers created later are inspected when their event arrives.
 */
import type Dockerode from 'dockerode'
import { HELPER_LABEL } from '../storage/volumeHelpers'
import { toWharfError } from './engineError'

export interface ContainerUse {
  image: string
  volumes: string[]
  /** Wharf's own volume helper: not a "user" of the volumes it mounts. */
  helper: boolean
}

const volumesOf = (mounts: Array<{ Type?: string; Name?: string }> | undefined): string[] =>
  (mounts ?? []).flatMap((m) => (m.Type === 'volume' && m.Name ? [m.Name] : []))

export class ContainerIndex {
  private readonly byId = new Map<string, ContainerUse>()

  constructor(private readonly client: () => Promise<Dockerode>) {}

  async seed(): Promise<void> {
    for (const c of await (await this.client()).listContainers({ all: true })) {
      this.byId.set(c.Id, { image: c.ImageID, volumes: volumesOf(c.Mounts), helper: Boolean(c.Labels?.[HELPER_LABEL]) })
    }
  }

  /** A container the engine just created; undefined when it is already gone again. */
  async created(id: string): Promise<ContainerUse | undefined> {
    try {
      const c = await (await this.client()).getContainer(id).inspect()
      const use = {
        image: c.Image,
        volumes: volumesOf(c.Mounts),
        helper: Boolean(c.Config.Labels?.[HELPER_LABEL]),
      }
      this.byId.set(c.Id, use)
      return use
    } catch (err) {
      if (toWharfError(err).code === 'not_found') return undefined
      throw err
    }
  }

  destroyed(id: string): ContainerUse | undefined {
    const use = this.byId.get(id)
    this.byId.delete(id)
    return use
  }
}
