/** An engine's volumes (V1, V2), kept by the volume events (and container create/destroy) main sends as changed rows. */
import type { VolumeSummary } from '@shared/files'
import { ref } from 'vue'
import { engineStore } from './engineStore'
import { useListStore } from './listStore'
import { errorText } from '@shared/errorText'

/** A size asked for: being computed, computed, or why it could not be. */
export type VolumeSize = { busy: true } | { bytes: number; approximate: boolean } | { error: string }

export const useVolumesStore = engineStore('volumes', (engine: string) => {
  const list = useListStore<VolumeSummary>({
    engine,
    fetch: (api) => api.call('volumes.list', {}),
    changed: 'volumes.changed',
    key: (volume) => volume.name,
    compare: (a, b) => a.name.localeCompare(b.name),
  })
  /** Sizes asked for, by name (computing one runs `du` in a helper). */
  const sizes = ref(new Map<string, VolumeSize>())

  async function measure(name: string): Promise<void> {
    sizes.value = new Map(sizes.value).set(name, { busy: true })
    try {
      const size = await list.api.call('volumes.size', { name })
      sizes.value = new Map(sizes.value).set(name, size)
    } catch (err) {
      sizes.value = new Map(sizes.value).set(name, { error: errorText(err) })
    }
  }

  async function create(spec: { name: string; driver: string; options: string[]; labels: string[] }): Promise<string> {
    return (await list.after(list.api.call('volumes.create', spec))).name
  }

  /** Returns the refusals, in the engine's (or Wharf's) words. */
  async function remove(names: string[]): Promise<string[]> {
    const result = await list.after(list.api.call('volumes.remove', { names, force: false }))
    return result.failed.map((f) => f.message)
  }

  const prune = (all: boolean) => list.after(list.api.call('volumes.prune', { all }))

  return {
    items: list.items,
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    sizes,
    load: list.load,
    measure,
    create,
    remove,
    prune,
  }
})
