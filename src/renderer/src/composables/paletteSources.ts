import { computed, type ComputedRef } from 'vue'
import { useContainersStore } from '../stores/containers'
import { useImagesStore } from '../stores/images'
import { useNetworksStore } from '../stores/networks'
import { useVolumesStore } from '../stores/volumes'
import type { PaletteSources } from './paletteCommands'

const EMPTY: PaletteSources = { containers: [], images: [], volumes: [], networks: [] }

/**
 * What the palette lists on an engine, live from that engine's stores. The stores are
 * asked for only while `open` is true: a user who never opens the palette does not pay
 * for the image, volume and network lists.
 */
export function usePaletteSources(engine: () => string | null, open: () => boolean): ComputedRef<PaletteSources> {
  return computed(() => {
    const id = engine()
    if (!id || !open()) return EMPTY
    const containers = useContainersStore(id)
    const images = useImagesStore(id)
    const volumes = useVolumesStore(id)
    const networks = useNetworksStore(id)
    return {
      containers: containers.items,
      images: images.items,
      volumes: volumes.items,
      networks: networks.items,
    }
  })
}
