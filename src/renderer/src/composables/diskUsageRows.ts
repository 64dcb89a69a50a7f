/**
 * The Engine pane's disk usage summary: `docker system df`'s four lines, each with the
 * prune that reclaims it, and a line for networks (no disk space, but pruned the same way).
 */
import type { NetworkSummary } from '@shared/networks'
import type { DiskUsage, DiskUsageKind } from '@shared/system'

export type PruneKind = DiskUsageKind | 'networks'

export interface SummaryRow {
  kind: PruneKind
  total: number | null
  active: number | null
  /** Bytes; null where the engine does not report it (networks take none). */
  size: number | null
  reclaimable: number | null
  percent?: number
}

export function summaryRows(df: DiskUsage | null, networks: NetworkSummary[] | null): SummaryRow[] {
  const rows: SummaryRow[] = (df?.summary ?? []).map((s) =>
    s.kind === 'buildCache' && !df?.buildCacheReported
      ? { kind: s.kind, total: null, active: null, size: null, reclaimable: null }
      : { kind: s.kind, total: s.total, active: s.active, size: s.size, reclaimable: s.reclaimable, percent: s.percent },
  )
  if (networks) {
    rows.push({
      kind: 'networks',
      total: networks.length,
      active: networks.filter((n) => n.builtIn || n.containers.length > 0).length,
      size: null,
      reclaimable: null,
    })
  }
  return rows
}
