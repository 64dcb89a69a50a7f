/**
 * The columns of the list tables (containers, images, volumes, networks): which are shown
 * at the width the window gives, as what CSS grid template, and in which order the rows
 * go. Pure, so the table and its tests share them.
 */
import type { ListLayout } from '@shared/settings'
import type { VNodeChild } from 'vue'

export interface ListColumn<T> {
  key: string
  /** The header's text, and the column's name in the column chooser. */
  title: string
  /** A fixed column's width in px, or the least a growing column is given. */
  width: number
  /** A growing column takes this share of the room the fixed ones leave. */
  grow?: number
  align?: 'right'
  /**
   * Whether the column may go when the window is too narrow for every column: the
   * highest number goes first. Unset: it always stays (the name, the actions).
   */
  dropOrder?: number
  /** Always shown and not offered in the column chooser (the select box, the name, the actions). */
  fixed?: boolean
  /** Sortable by this order (ascending). */
  compare?: (a: T, b: T) => number
  /** The header's content when it is not its title (the select-all box); the title stays its name. */
  header?: () => VNodeChild
  render: (row: T) => VNodeChild
}

export type ListSort = NonNullable<ListLayout['sort']>

export const MIN_COLUMN_WIDTH = 40

/** A column's width where the user dragged it, else its own. */
export function widthOf(column: Pick<ListColumn<unknown>, 'key' | 'width'>, layout: ListLayout): number {
  return layout.widths[column.key] ?? column.width
}

/**
 * The columns the user keeps, less those that do not fit in `available` px: the
 * droppable ones go, highest dropOrder first, until the rest fit at their least widths.
 * Dropping beats a sideways scrollbar that hides the row's actions.
 */
export function fitColumns<C extends ListColumn<never>>(
  columns: readonly C[],
  layout: ListLayout,
  available: number,
): { shown: C[]; dropped: C[] } {
  const kept = columns.filter((c) => c.fixed || !layout.hidden.includes(c.key))
  const total = (list: readonly C[]): number => list.reduce((sum, c) => sum + widthOf(c, layout), 0)
  const droppable = kept.filter((c) => c.dropOrder !== undefined).sort((a, b) => (b.dropOrder ?? 0) - (a.dropOrder ?? 0))
  const dropped: C[] = []
  let shown = kept
  for (const next of droppable) {
    if (total(shown) <= available) break
    dropped.push(next)
    shown = shown.filter((c) => c !== next)
  }
  return { shown, dropped }
}

/** The grid's column template: dragged and fixed columns in px, growing ones share the rest. */
export function gridTemplate(columns: readonly ListColumn<never>[], layout: ListLayout): string {
  return columns
    .map((c) => {
      const dragged = layout.widths[c.key]
      if (dragged !== undefined) return `${dragged}px`
      return c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`
    })
    .join(' ')
}

/** The next sort when a header is clicked: the same column flips, another starts ascending. */
export function nextSort(current: ListSort | undefined, key: string): ListSort {
  return current?.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
}

/** The comparator for a sort, or undefined when its column is not (or no longer) sortable. */
export function comparatorOf<T>(columns: readonly ListColumn<T>[], sort: ListSort | undefined): ((a: T, b: T) => number) | undefined {
  const compare = sort && columns.find((c) => c.key === sort.key)?.compare
  return sort && compare ? directed(compare, sort.dir) : undefined
}

/** An ascending order, turned around for a descending sort. */
export function directed<T>(compare: (a: T, b: T) => number, dir: ListSort['dir']): (a: T, b: T) => number {
  return dir === 'asc' ? compare : (a, b) => compare(b, a)
}

/** Rows in the sort's order (a stable sort: equal rows keep the order they came in). */
export function sortRows<T>(rows: readonly T[], columns: readonly ListColumn<T>[], sort: ListSort | undefined): readonly T[] {
  const compare = comparatorOf(columns, sort)
  return compare ? [...rows].sort(compare) : rows
}

/** Text order as a person reads it: "web-10" after "web-9", case aside. */
export const byText = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare
