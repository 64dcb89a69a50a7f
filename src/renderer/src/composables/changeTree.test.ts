import { describe, expect, it } from 'vitest'
import { buildChangeTree, visibleRows } from './changeTree'

describe('buildChangeTree', () => {
  it('nests paths, rolls counts up and lists folders first', () => {
    const root = buildChangeTree([
      { path: '/etc', kind: 'C' },
      { path: '/etc/hosts.new', kind: 'A' },
      { path: '/bin', kind: 'C' },
      { path: '/bin/yes', kind: 'D' },
      { path: '/tmp', kind: 'C' },
      { path: '/tmp/a', kind: 'A' },
      { path: '/tmp/a/b.txt', kind: 'A' },
      { path: '/z.txt', kind: 'A' },
    ])
    expect(root.counts).toEqual({ A: 4, C: 3, D: 1 })
    expect(root.children.map((c) => c.name)).toEqual(['bin', 'etc', 'tmp', 'z.txt'])
    const tmp = root.children[2]
    expect(tmp).toMatchObject({ kind: 'C', counts: { A: 2, C: 1, D: 0 } })
    expect(visibleRows(root, new Set(['/tmp'])).map((r) => `${r.depth}:${r.node.name}`)).toEqual([
      '0:bin',
      '0:etc',
      '0:tmp',
      '1:a',
      '0:z.txt',
    ])
  })
})
