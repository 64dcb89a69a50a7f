import { describe, expect, it } from 'vitest'
import { byText, comparatorOf, fitColumns, gridTemplate, nextSort, sortRows, type ListColumn } from './listColumns'

interface Item {
  name: string
  size: number
}
const col = (key: string, width: number, extra: Partial<ListColumn<Item>> = {}): ListColumn<Item> => ({
  key,
  title: key,
  width,
  render: () => '',
  ...extra,
})
const none = { hidden: [], widths: {} }

describe('list columns', () => {
  const columns = [
    col('select', 36, { fixed: true }),
    col('name', 150, { fixed: true, grow: 2, compare: (a, b) => byText(a.name, b.name) }),
    col('ports', 100, { dropOrder: 2 }),
    col('created', 100, { dropOrder: 3 }),
    col('size', 80, { compare: (a, b) => a.size - b.size }),
    col('actions', 120, { fixed: true }),
  ]

  it('keeps every column while they fit, and drops the highest dropOrder first when not', () => {
    expect(fitColumns(columns, none, 1000).shown.map((c) => c.key)).toEqual(['select', 'name', 'ports', 'created', 'size', 'actions'])
    const narrow = fitColumns(columns, none, 500)
    expect(narrow.dropped.map((c) => c.key)).toEqual(['created'])
    expect(fitColumns(columns, none, 400).dropped.map((c) => c.key)).toEqual(['created', 'ports'])
    // A column without a dropOrder stays even when nothing fits: the actions must be reachable.
    expect(fitColumns(columns, none, 100).shown.map((c) => c.key)).toEqual(['select', 'name', 'size', 'actions'])
  })

  it('leaves out hidden columns but never a fixed one, and counts dragged widths', () => {
    const layout = { hidden: ['size', 'name'], widths: { ports: 300 } }
    expect(fitColumns(columns, layout, 10_000).shown.map((c) => c.key)).toEqual(['select', 'name', 'ports', 'created', 'actions'])
    expect(fitColumns(columns, layout, 700).dropped.map((c) => c.key)).toEqual(['created'])
  })

  it('gives growing columns a share of the room and the dragged their width', () => {
    expect(gridTemplate([columns[0], columns[1], columns[4]] as ListColumn<never>[], { hidden: [], widths: { size: 90 } })).toBe(
      '36px minmax(150px, 2fr) 90px',
    )
  })

  it('sorts ascending on a first click, flips on the next, and starts again on another column', () => {
    expect(nextSort(undefined, 'name')).toEqual({ key: 'name', dir: 'asc' })
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' })
    expect(nextSort({ key: 'name', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' })
    expect(nextSort({ key: 'name', dir: 'desc' }, 'size')).toEqual({ key: 'size', dir: 'asc' })
  })

  it('sorts rows by the column, text as a person reads it, and leaves them be for an unknown column', () => {
    const rows = [
      { name: 'web-10', size: 1 },
      { name: 'Web-9', size: 3 },
      { name: 'api', size: 2 },
    ]
    expect(sortRows(rows, columns, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['api', 'Web-9', 'web-10'])
    expect(sortRows(rows, columns, { key: 'size', dir: 'desc' }).map((r) => r.size)).toEqual([3, 2, 1])
    expect(sortRows(rows, columns, { key: 'ports', dir: 'asc' })).toBe(rows)
    expect(comparatorOf(columns, { key: 'gone', dir: 'asc' })).toBeUndefined()
  })
})
