/**
 * What each engine event means for the images, volumes and networks lists: which rows it
 * touched (see changeFeed). Docker and Podman name things differently in their events:
 * Podman leaves `sha256:` off image ids, and names a volume in its attributes with an
 * empty ID, says `remove` for `destroy`, and no image id on a commit; it sends no network
 * events at all (4.x), so container starts and stops, which change a network's members,
 * are read here too.
 */
import type { ImageSummary } from '../../shared/types'
import type { VolumeSummary } from '../../shared/files'
import type { NetworkSummary } from '../../shared/networks'
import type { EngineEvent } from '../../shared/system'
import type { ChangeSource, Touched } from './changeFeed'
import { ContainerIndex } from './containerIndex'
import { toWharfError } from './engineError'
import type { EngineScope } from './scope'

const imageKey = (id: string): string => (/^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id)
const nameOf = (event: EngineEvent): string => event.Actor.ID || event.Actor.Attributes.name || ''
const keys = (...list: Array<string | undefined>): string[] => list.filter((k): k is string => Boolean(k))

/** A container created or destroyed changes which rows list it as a user. */
async function usageOf(index: ContainerIndex, event: EngineEvent) {
  if (event.Type !== 'container') return undefined
  if (event.Action === 'create') return index.created(event.Actor.ID)
  // Podman says `remove` where dockerd says `destroy`.
  if (event.Action === 'destroy' || event.Action === 'remove') return index.destroyed(event.Actor.ID)
  return undefined
}

export function imageChanges(engine: EngineScope): ChangeSource<ImageSummary> {
  const index = new ContainerIndex(() => engine.connection.client())
  return {
    start: () => index.seed(),
    async touched(event): Promise<Touched> {
      if (event.Type === 'image') {
        if (event.Action === 'prune') return 'relist'
        // `save` reads an image; everything else (pull, tag, untag, delete, load, import, push) may change its row.
        return event.Action === 'save' ? [] : keys(imageKey(nameOf(event)))
      }
      // A commit makes an image that no image event announces unless it is tagged; Podman does not say which.
      if (event.Type === 'container' && event.Action === 'commit') {
        const made = event.Actor.Attributes.imageID
        return made ? [imageKey(made)] : 'relist'
      }
      return keys((await usageOf(index, event))?.image)
    },
    rows: (list) => engine.images.rows(list),
  }
}

export function volumeChanges(engine: EngineScope): ChangeSource<VolumeSummary> {
  const index = new ContainerIndex(() => engine.connection.client())
  return {
    start: () => index.seed(),
    async touched(event): Promise<Touched> {
      if (event.Type === 'volume') {
        if (event.Action === 'prune') return 'relist'
        // Mounts and unmounts (every helper makes some) change nothing the list shows.
        return ['create', 'destroy', 'remove'].includes(event.Action) ? keys(nameOf(event)) : []
      }
      const use = await usageOf(index, event)
      return use && !use.helper ? use.volumes : []
    },
    rows: (list) => engine.volumes.rows(list),
  }
}

export function networkChanges(engine: EngineScope): ChangeSource<NetworkSummary> {
  return {
    async touched(event): Promise<Touched> {
      if (event.Type === 'network') return event.Action === 'prune' ? 'relist' : keys(nameOf(event))
      if (event.Type !== 'container' || (event.Action !== 'start' && event.Action !== 'die')) return []
      try {
        const c = await (await engine.connection.client()).getContainer(event.Actor.ID).inspect()
        return Object.entries(c.NetworkSettings?.Networks ?? {}).map(([name, n]) => n.NetworkID || name)
      } catch (err) {
        if (toWharfError(err).code === 'not_found') return []
        throw err
      }
    },
    rows: (list) => engine.networks.rows(list),
  }
}
