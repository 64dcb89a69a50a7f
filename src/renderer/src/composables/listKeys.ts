/**
 * Keyboard driving of a list table: the grid keeps the focus and points at its active row
 * (aria-activedescendant), so the focus survives the row scrolling out of the page.
 * Arrows, Page Up/Down, Home and End move; Enter opens; Delete asks to remove; Space
 * selects. `/` anywhere on the page (outside a text field) goes to the list's search.
 */
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

interface Options<T> {
  rows: () => readonly T[]
  rowKey: (row: T) => string
  scroller: Ref<HTMLElement | null>
  rowHeight: number
  headerHeight: number
  open: (row: T) => void
  remove: (row: T) => void
  toggle: (row: T) => void
}

const INTERACTIVE = 'a, button, input, select, textarea, [role="separator"], [contenteditable="true"]'

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

export function useListKeys<T>(options: Options<T>) {
  // By key, not index: the active row stays the same row when the list changes around it.
  const activeKey = ref<string | null>(null)
  const activeIndex = computed(() => {
    const key = activeKey.value
    return key === null ? -1 : options.rows().findIndex((row) => options.rowKey(row) === key)
  })

  function reveal(index: number): void {
    const el = options.scroller.value
    if (!el) return
    const top = options.headerHeight + index * options.rowHeight
    if (top - options.headerHeight < el.scrollTop) el.scrollTop = top - options.headerHeight
    else if (top + options.rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + options.rowHeight - el.clientHeight
  }

  function moveTo(index: number): void {
    const rows = options.rows()
    if (rows.length === 0) return
    const at = Math.min(rows.length - 1, Math.max(0, index))
    activeKey.value = options.rowKey(rows[at])
    reveal(at)
  }

  function onKey(e: KeyboardEvent): void {
    // Keys pressed on a control inside a row (a checkbox, a button) are that control's.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return
    const rows = options.rows()
    const at = activeIndex.value
    const page = Math.max(1, Math.floor((options.scroller.value?.clientHeight ?? 400) / options.rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at < 0 ? 0 : at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: rows.length - 1,
    }
    if (e.key in moves) {
      e.preventDefault()
      moveTo(moves[e.key])
      return
    }
    const row = at >= 0 ? rows[at] : undefined
    if (!row) return
    if (e.key === 'Enter') options.open(row)
    else if (e.key === 'Delete') options.remove(row)
    else if (e.key === ' ') options.toggle(row)
    else return
    e.preventDefault()
  }

  /** A click on a row makes it the active one; on the row itself (not a control), the grid takes the focus. */
  function pointed(index: number, e: PointerEvent): void {
    const row = options.rows()[index]
    if (!row) return
    activeKey.value = options.rowKey(row)
    if (!(e.target instanceof Element && e.target.closest(INTERACTIVE))) {
      e.preventDefault()
      options.scroller.value?.focus({ preventScroll: true })
    }
  }

  function onSlash(e: KeyboardEvent): void {
    if (e.key !== '/' || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return
    // The search of the pane this list is in: the section that holds both.
    const search = options.scroller.value?.closest('section')?.querySelector<HTMLInputElement>('input[type="search"]')
    if (!search) return
    e.preventDefault()
    search.focus()
    search.select()
  }
  onMounted(() => window.addEventListener('keydown', onSlash))
  onBeforeUnmount(() => window.removeEventListener('keydown', onSlash))

  return { activeIndex, onKey, pointed }
}
