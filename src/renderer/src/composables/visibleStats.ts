import type { StatsSample } from '@shared/types'
import { onUnmounted, shallowRef, triggerRef, watch, type Ref } from 'vue'
import { useApi } from '../api'

/** At most this many containers are sampled at once: one engine stats stream each. */
export const MAX_SAMPLED = 40
const REFRESH_MS = 1000

/** Where a row's container lives. */
export interface StatsTarget {
  engine: string
  id: string
}

/**
 * Live CPU and memory for the containers on screen, and only those: one stats stream
 * per visible running container, opened when it scrolls into view and closed when it
 * leaves, so a list of thousands costs what a screenful costs. `ids` are the rows' keys;
 * `target` says which container on which engine each one is.
 */
export function useVisibleStats(ids: Ref<string[]>, target: (key: string) => StatsTarget | undefined) {
  const api = useApi()
  const samples = shallowRef(new Map<string, StatsSample>())
  const open = new Map<string, () => void>()

  function sync(wanted: string[]): void {
    const keep = new Set(wanted.slice(0, MAX_SAMPLED))
    for (const [id, close] of open) {
      if (keep.has(id)) continue
      close()
      open.delete(id)
      samples.value.delete(id)
    }
    for (const id of keep) {
      const where = target(id)
      if (open.has(id) || !where) continue
      open.set(
        id,
        api.engine(where.engine).subscribe(
          'containers.stats',
          { id: where.id },
          (sample) => {
            samples.value.set(id, sample)
            refreshSoon()
          },
          () => {
            open.delete(id)
            samples.value.delete(id)
            triggerRef(samples)
          },
        ),
      )
    }
    triggerRef(samples)
  }

  // Each stream sends a sample a second at its own moment; forty of them would re-render
  // the table forty times a second. One refresh per second carries them all.
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  function refreshSoon(): void {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = undefined
      triggerRef(samples)
    }, REFRESH_MS)
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  // Scrolling fast should not open and close streams for rows that only flew past.
  watch(ids, (now) => {
    clearTimeout(timer)
    timer = setTimeout(() => sync(now), 250)
  })
  sync(ids.value)
  onUnmounted(() => {
    clearTimeout(timer)
    clearTimeout(refreshTimer)
    for (const close of open.values()) close()
    open.clear()
  })
  return samples
}
