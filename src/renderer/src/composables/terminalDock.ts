/**
 * Where and how big the docked terminal panel is on a container's page: on the right in a
 * wide window, at the bottom below ~1100 px (a right-hand terminal would leave too little
 * of either); its size is the one the user chose, kept within what leaves the page usable.
 */
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { PANEL_LIMITS, useTerminalPanelStore } from '../stores/terminalPanel'

const WIDE = '(min-width: 1100px)'
/** What the page keeps beside (or above) the panel. */
const PAGE_MIN = { width: 380, height: 160 }

export function useTerminalDock(workspace: Ref<HTMLElement | undefined>) {
  const panel = useTerminalPanelStore()
  const wide = ref(window.matchMedia(WIDE).matches)
  const room = ref({ width: 0, height: 0 })
  const query = window.matchMedia(WIDE)
  const onQuery = (e: MediaQueryListEvent): void => void (wide.value = e.matches)
  let observer: ResizeObserver | undefined

  onMounted(() => {
    query.addEventListener('change', onQuery)
    observer = new ResizeObserver(([entry]) => {
      room.value = { width: entry.contentRect.width, height: entry.contentRect.height }
    })
    if (workspace.value) observer.observe(workspace.value)
  })
  onBeforeUnmount(() => {
    query.removeEventListener('change', onQuery)
    observer?.disconnect()
  })

  const side = computed<'right' | 'bottom'>(() => (wide.value ? 'right' : 'bottom'))
  const limits = computed(() => {
    const axis = side.value === 'right' ? 'width' : 'height'
    const available = room.value[axis] - PAGE_MIN[axis]
    const { min, max } = PANEL_LIMITS[axis]
    return { min, max: Math.round(Math.max(min, Math.min(max, available > 0 ? available : max))) }
  })
  /** The size to draw: the chosen one, within the room there is now (the choice itself is kept). */
  const size = computed<number>({
    get: () => Math.min(limits.value.max, side.value === 'right' ? panel.width : panel.height),
    set: (value) => {
      if (side.value === 'right') panel.width = value
      else panel.height = value
    },
  })

  return { side, limits, size }
}
