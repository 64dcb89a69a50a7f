/** An engine's images (I1), kept by the image events (and container create/destroy, which change "used by") main sends as changed rows. */
import type { ImagePruneResult } from '@shared/images'
import type { ImageSummary } from '@shared/types'
import { engineStore } from './engineStore'
import { moveTags } from './listChange'
import { useListStore } from './listStore'
import { errorText } from '@shared/errorText'

export const useImagesStore = engineStore('images', (engine: string) => {
  const list = useListStore<ImageSummary>({
    engine,
    fetch: (api) => api.call('images.list', {}),
    changed: 'images.changed',
    key: (image) => image.id,
    compare: (a, b) => b.created - a.created || a.id.localeCompare(b.id),
    reconcile: moveTags,
  })

  /** Removes each image (by id) or tag (by name); returns the failures in the engine's words. */
  async function remove(refs: Array<{ ref: string; label: string }>, force: boolean): Promise<string[]> {
    const failures: string[] = []
    for (const { ref, label } of refs) {
      try {
        await list.api.call('images.remove', { id: ref, force })
      } catch (err) {
        failures.push(`${label}: ${errorText(err)}`)
      }
    }
    await list.load()
    return failures
  }

  const prune = (all: boolean): Promise<ImagePruneResult> => list.after(list.api.call('images.prune', { all }))

  return { items: list.items, loading: list.loading, loaded: list.loaded, error: list.error, load: list.load, remove, prune }
})
