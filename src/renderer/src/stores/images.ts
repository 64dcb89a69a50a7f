/** An engine's images (I1), listed again when image events (or container create/destroy, which change "used by") settle. */
import type { ImagePruneResult } from '@shared/images'
import type { ImageSummary } from '@shared/types'
import { engineStore } from './engineStore'
import { useListStore } from './listStore'

export const useImagesStore = engineStore('images', (engine: string) => {
  const list = useListStore<ImageSummary>({
    engine,
    fetch: (api) => api.call('images.list', {}),
    changed: 'images.changed',
    compare: (a, b) => b.created - a.created,
  })

  /** Removes each image (by id) or tag (by name); returns the failures in the engine's words. */
  async function remove(refs: Array<{ ref: string; label: string }>, force: boolean): Promise<string[]> {
    const failures: string[] = []
    for (const { ref, label } of refs) {
      try {
        await list.api.call('images.remove', { id: ref, force })
      } catch (err) {
        failures.push(`${label}: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    await list.load()
    return failures
  }

  const prune = (all: boolean): Promise<ImagePruneResult> => list.after(list.api.call('images.prune', { all }))

  return { items: list.items, loading: list.loading, loaded: list.loaded, error: list.error, load: list.load, remove, prune }
})
