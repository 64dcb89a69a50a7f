import type { ContainerSummary } from '@shared/types'
import { describe, expect, it } from 'vitest'
import { buildRows, keyOf } from './containerRows'
import { countContainers, createTagger, filterCounts, idsByEngine, matchesAll, mergeEngines } from './engineContainers'

const c = (id: string, state: ContainerSummary['state'] = 'running', extra: Partial<ContainerSummary> = {}): ContainerSummary => ({
  id,
  name: `n-${id}`,
  image: 'busybox',
  imageId: 'sha',
  command: '',
  state,
  status: '',
  ports: [],
  created: 1,
  labels: {},
  project: null,
  ...extra,
})

describe('countContainers', () => {
  it('counts the running and all', () => {
    expect(countContainers([c('a'), c('b', 'exited'), c('c', 'paused'), c('d')])).toEqual({ running: 2, total: 4 })
    expect(countContainers(new Map<string, ContainerSummary>().values())).toEqual({ running: 0, total: 0 })
  })
})

describe('mergeEngines', () => {
  it('tags every container with its engine and keeps the same id on two engines apart', () => {
    const tag = createTagger()
    const merged = mergeEngines(
      [
        { engine: 'local', containers: [c('a'), c('b')] },
        { engine: 'podman', containers: [c('a', 'exited')] },
      ],
      tag,
    )
    expect(merged.map((x) => [x.engine, x.id, x.state])).toEqual([
      ['local', 'a', 'running'],
      ['local', 'b', 'running'],
      ['podman', 'a', 'exited'],
    ])
    expect(new Set(merged.map(keyOf)).size).toBe(3)
    expect(keyOf(merged[2])).toBe('podman/a')
    expect(keyOf(c('a'))).toBe('a')
  })

  it('gives back the same tagged object while the summary is the same, a new one once it changed', () => {
    const tag = createTagger()
    const web = c('web')
    const first = tag('local', web)
    expect(tag('local', web)).toBe(first)
    const changed = { ...web, state: 'exited' as const }
    const second = tag('local', changed)
    expect(second).not.toBe(first)
    expect(second).toMatchObject({ engine: 'local', state: 'exited' })
  })
})

describe('filtering every engine’s containers', () => {
  const tag = createTagger()
  const items = mergeEngines(
    [
      { engine: 'local', containers: [c('a'), c('b', 'exited', { name: 'db' })] },
      { engine: 'podman', containers: [c('c'), c('d', 'exited'), c('e', 'paused', { name: 'db-copy' })] },
    ],
    tag,
  )

  it('filters by engine, state and text together', () => {
    const shown = (engine: string, state: string, query: string) =>
      items.filter((x) => matchesAll(x, { engine, state, query })).map((x) => x.id)
    expect(shown('all', 'all', '')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(shown('podman', 'all', '')).toEqual(['c', 'd', 'e'])
    expect(shown('podman', 'exited', '')).toEqual(['d'])
    expect(shown('all', 'all', 'db')).toEqual(['b', 'e'])
    expect(shown('local', 'all', 'db')).toEqual(['b'])
    expect(shown('nowhere', 'all', '')).toEqual([])
  })

  it('counts each choice with the other filters applied', () => {
    expect(filterCounts(items, { engine: 'all', state: 'all', query: '' })).toEqual({
      states: { all: 5, running: 2, exited: 2, paused: 1 },
      engines: { all: 5, local: 2, podman: 3 },
    })
    // Per state within the chosen engine; per engine within the chosen state.
    expect(filterCounts(items, { engine: 'podman', state: 'exited', query: '' })).toEqual({
      states: { all: 3, running: 1, exited: 1, paused: 1 },
      engines: { all: 2, local: 1, podman: 1 },
    })
    expect(filterCounts(items, { engine: 'all', state: 'all', query: 'db' })).toEqual({
      states: { all: 2, exited: 1, paused: 1 },
      engines: { all: 2, local: 1, podman: 1 },
    })
  })

  it('splits a selection across engines into each engine’s ids', () => {
    expect([...idsByEngine([items[0], items[3], items[1], items[4]])]).toEqual([
      ['local', ['a', 'b']],
      ['podman', ['d', 'e']],
    ])
  })
})

describe('rows of several engines', () => {
  it('keeps a compose project of one engine apart from the same project on another', () => {
    const tag = createTagger()
    const items = mergeEngines(
      [
        { engine: 'local', containers: [c('a', 'running', { project: 'shop' })] },
        { engine: 'podman', containers: [c('b', 'exited', { project: 'shop' })] },
      ],
      tag,
    )
    const rows = buildRows(items, new Set(['podman/shop']))
    expect(rows.map((r) => r.key)).toEqual(['project:local/shop', 'local/a', 'project:podman/shop'])
    const podman = rows[2]
    expect(podman.kind === 'project' && [podman.engine, podman.ids, podman.running, podman.collapsed]).toEqual([
      'podman',
      ['podman/b'],
      0,
      true,
    ])
  })
})
