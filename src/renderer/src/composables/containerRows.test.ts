import type { ContainerSummary } from '@shared/types'
import { describe, expect, it } from 'vitest'
import { buildRows, sameRows } from './containerRows'
import { formatPorts } from './format'

const c = (id: string, created: number, project: string | null = null, state: ContainerSummary['state'] = 'running'): ContainerSummary => ({
  id,
  name: id,
  image: 'img',
  imageId: 'sha',
  command: '',
  state,
  status: '',
  ports: [],
  created,
  labels: {},
  project,
})

describe('sameRows', () => {
  it('keeps the rows while only a state changes, not when the rows or a project count do', () => {
    const before = buildRows([c('a', 1), c('p1', 2, 'shop'), c('p2', 3, 'shop')])
    expect(sameRows(before, buildRows([c('a', 1, null, 'paused'), c('p1', 2, 'shop'), c('p2', 3, 'shop')]))).toBe(true)
    // The project header counts running members.
    expect(sameRows(before, buildRows([c('a', 1), c('p1', 2, 'shop', 'exited'), c('p2', 3, 'shop')]))).toBe(false)
    expect(sameRows(before, buildRows([c('a', 1), c('p1', 2, 'shop')]))).toBe(false)
    expect(sameRows(before, buildRows([c('a', 1), c('p1', 2, 'shop'), c('p2', 3, 'shop')], new Set(['shop'])))).toBe(false)
    expect(sameRows(before, buildRows([{ ...c('a', 1), name: 'renamed' }, c('p1', 2, 'shop'), c('p2', 3, 'shop')]))).toBe(false)
  })
})

describe('buildRows', () => {
  it('groups compose projects under a header and lists the rest newest first', () => {
    const rows = buildRows([c('a', 1), c('b', 3), c('p1', 2, 'shop'), c('p2', 4, 'shop', 'exited')])
    expect(rows.map((r) => r.key)).toEqual(['project:shop', 'p2', 'p1', 'b', 'a'])
    const header = rows[0]
    expect(header.kind === 'project' && [header.running, header.ids]).toEqual([1, ['p2', 'p1']])
  })

  it('hides the members of a folded project', () => {
    expect(buildRows([c('p1', 2, 'shop'), c('a', 1)], new Set(['shop'])).map((r) => r.key)).toEqual(['project:shop', 'a'])
  })
})

describe('format', () => {
  it('prints ports as the CLI does, once per mapping', () => {
    expect(
      formatPorts([
        { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' },
        { ip: '::', privatePort: 80, publicPort: 8080, type: 'tcp' },
        { ip: '127.0.0.1', privatePort: 5432, publicPort: 5433, type: 'tcp' },
        { privatePort: 53, type: 'udp' },
      ]),
    ).toEqual(['8080→80/tcp', '127.0.0.1:5433→5432/tcp', '53/udp'])
  })
})
