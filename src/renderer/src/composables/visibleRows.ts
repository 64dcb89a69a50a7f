import { computed, ref, watch, type Ref } from 'vue'
import type { Row } from './containerRows'

/**
 * The containers whose rows are on screen (with two rows of margin), worked out from the
 * table's scroll offset since its rows have a fixed height, and kept to those `wanted`
 * says. `ids` (the rows' keys) stays the same array while the set does not change, so
 * what watches it (the stats streams) is not disturbed by scrolling within a screenful.
 */
export function useVisibleContainers(rows: Ref<Row[]>, rowHeight: number, wanted: (key: string) => boolean) {
  const scrollTop = ref(0)
  const viewHeight = ref(800)
  function onScroll(e: Event): void {
    const el = e.target as HTMLElement
    scrollTop.value = el.scrollTop
    viewHeight.value = el.clientHeight
  }
  const visible = computed(() => {
    const first = Math.max(0, Math.floor(scrollTop.value / rowHeight) - 2)
    const last = Math.ceil((scrollTop.value + viewHeight.value) / rowHeight) + 2
    return rows.value.slice(first, last).flatMap((row) => (row.kind === 'container' && wanted(row.key) ? [row.key] : []))
  })
  const ids = ref<string[]>([])
  watch(
    visible,
    (next) => {
      if (next.join() !== ids.value.join()) ids.value = next
    },
    { immediate: true },
  )
  return { ids, onScroll }
}
