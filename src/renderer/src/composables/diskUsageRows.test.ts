import type { NetworkSummary } from '@shared/networks'
import type { DiskUsage } from '@shared/system'
import { describe, expect, it } from 'vitest'
import { summaryRows } from './diskUsageRows'

const df = (buildCacheReported: boolean): DiskUsage => ({
  summary: [
    { kind: 'images', total: 3, active: 1, size: 300, reclaimable: 200, percent: 66 },
    { kind: 'containers', total: 0, active: 0, size: 0, reclaimable: 0 },
    { kind: 'volumes', total: 1, active: 0, size: 10, reclaimable: 10, percent: 100 },
    { kind: 'buildCache', total: 0, active: 0, size: 0, reclaimable: 0 },
  ],
  images: [],
  containers: [],
  volumes: [],
  buildCache: [],
  buildCacheReported,
})
const network = (name: string, builtIn: boolean, containers: number) =>
  ({ name, builtIn, containers: Array.from({ length: containers }, () => ({})) }) as unknown as NetworkSummary

describe('disk usage summary rows', () => {
  it('has a line per kind, then networks counted as in use when built in or attached', () => {
    const rows = summaryRows(df(true), [network('bridge', true, 0), network('app', false, 2), network('old', false, 0)])
    expect(rows.map((r) => r.kind)).toEqual(['images', 'containers', 'volumes', 'buildCache', 'networks'])
    expect(rows[0]).toMatchObject({ total: 3, active: 1, reclaimable: 200, percent: 66 })
    expect(rows[4]).toEqual({ kind: 'networks', total: 3, active: 2, size: null, reclaimable: null })
  })

  it('says nothing about a build cache the engine does not report, and leaves networks out until listed', () => {
    const rows = summaryRows(df(false), null)
    expect(rows.map((r) => r.kind)).toEqual(['images', 'containers', 'volumes', 'buildCache'])
    expect(rows[3]).toEqual({ kind: 'buildCache', total: null, active: null, size: null, reclaimable: null })
  })
})
