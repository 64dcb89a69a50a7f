import type { ListChange } from '@shared/listChange'
import { describe, expect, it } from 'vitest'
import { applyChanges, ListState, moveTags, type ListShape } from './listChange'

interface Row {
  id: string
  name: string
}
const shape: ListShape<Row> = { key: (r) => r.id, compare: (a, b) => a.name.localeCompare(b.name) }
const row = (id: string, name = id): Row => ({ id, name })
const upsert = (...rows: Row[]): ListChange<Row> => ({ upsert: rows, remove: [], relist: false })
const remove = (...ids: string[]): ListChange<Row> => ({ upsert: [], remove: ids, relist: false })
const names = (rows: Row[]): string[] => rows.map((r) => r.name)

describe('applyChanges', () => {
  it('adds, replaces and removes by key and keeps the sort order', () => {
    const list = [row('1', 'b'), row('2', 'd')]
    const next = applyChanges(list, [upsert(row('3', 'a'), row('4', 'c')), upsert(row('2', 'e')), remove('1')], shape)
    expect(names(next)).toEqual(['a', 'c', 'e'])
    expect(names(list)).toEqual(['b', 'd'])
  })

  it('applies changes in the order they came: a row removed then added again is there', () => {
    expect(names(applyChanges([row('1', 'a')], [remove('1'), upsert(row('1', 'a2'))], shape))).toEqual(['a2'])
    expect(applyChanges([row('1', 'a')], [upsert(row('1', 'a2')), remove('1')], shape)).toEqual([])
  })

  it('ignores the removal of a key the list never had', () => {
    expect(names(applyChanges([row('1', 'a')], [remove('nope')], shape))).toEqual(['a'])
  })
})

describe('ListState', () => {
  it('keeps changes that arrive while the list is in flight and applies them on its answer', () => {
    const state = new ListState(shape)
    const first = state.begin()
    expect(state.change(upsert(row('3', 'c')))).toBe(false)
    expect(state.change(remove('1'))).toBe(false)
    expect(state.items).toEqual([])
    // The answer predates both changes: it still has 1 and lacks 3.
    expect(state.answer(first, [row('1', 'a'), row('2', 'b')])).toBe(true)
    expect(names(state.items)).toEqual(['b', 'c'])
    expect(state.change(upsert(row('4', 'a')))).toBe(true)
    expect(names(state.items)).toEqual(['a', 'b', 'c'])
  })

  it('drops an answer that a newer list overtook, and keeps the changes for the newer one', () => {
    const state = new ListState(shape)
    const older = state.begin()
    const newer = state.begin()
    state.change(upsert(row('9', 'z')))
    expect(state.answer(older, [row('1', 'stale')])).toBe(false)
    expect(state.loaded).toBe(false)
    expect(state.answer(newer, [row('2', 'fresh')])).toBe(true)
    expect(names(state.items)).toEqual(['fresh', 'z'])
  })

  it('drops changes before the first list (that list has them), and applies waiting ones to the old list when a list fails', () => {
    const state = new ListState(shape)
    expect(state.change(upsert(row('1', 'a')))).toBe(false)
    expect(state.items).toEqual([])
    state.answer(state.begin(), [row('2', 'b')])
    const failing = state.begin()
    state.change(upsert(row('3', 'c')))
    expect(state.fail(failing)).toBe(true)
    expect(names(state.items)).toEqual(['b', 'c'])
  })
})

describe('moveTags', () => {
  it('takes a name from the image that had it, which turns dangling when it was its last', () => {
    type Image = { id: string; tags: string[]; dangling: boolean }
    const old: Image = { id: 'old', tags: ['app:1'], dangling: false }
    const other: Image = { id: 'other', tags: ['app:2', 'app:3'], dangling: false }
    const moved: Image = { id: 'new', tags: ['app:1', 'app:3'], dangling: false }
    const next = applyChanges([old, other], [{ upsert: [moved], remove: [], relist: false }], {
      key: (i) => i.id,
      compare: (a, b) => a.id.localeCompare(b.id),
      reconcile: moveTags,
    })
    expect(next).toEqual([moved, { id: 'old', tags: [], dangling: true }, { id: 'other', tags: ['app:2'], dangling: false }])
  })
})
