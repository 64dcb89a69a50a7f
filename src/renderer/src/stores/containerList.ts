import type { ContainerSummary, ContainersDelta } from '@shared/types'

/**
 * Applies list deltas to a Map keyed by id. Kept apart from the store so the merge rules
 * (what wins when a delta races a snapshot) are testable without Vue.
 */
export function applyDelta(map: Map<string, ContainerSummary>, delta: ContainersDelta): boolean {
  if (delta.kind === 'upsert') {
    for (const c of delta.containers) map.set(c.id, c)
    return delta.containers.length > 0
  }
  if (delta.kind === 'state') {
    let changed = false
    for (const { id, state, status, since, exitCode } of delta.changes) {
      const current = map.get(id)
      if (!current || current.state === state) continue
      // A pause or unpause keeps the start time; an exit or a start brings its own. The
      // health verdict waits for the listed row.
      const keepsStart = state === 'running' || state === 'paused'
      map.set(id, { ...current, state, status, since: since ?? (keepsStart ? current.since : undefined), exitCode, health: undefined })
      changed = true
    }
    return changed
  }
  if (delta.kind === 'remove') {
    let changed = false
    for (const id of delta.ids) changed = map.delete(id) || changed
    return changed
  }
  return false
}

export function matches(c: ContainerSummary, query: string, state: string): boolean {
  if (state !== 'all' && c.state !== state) return false
  if (!query) return true
  const q = query.toLowerCase()
  return (
    c.name.toLowerCase().includes(q) ||
    c.image.toLowerCase().includes(q) ||
    c.id.startsWith(q) ||
    (c.project?.toLowerCase().includes(q) ?? false) ||
    c.status.toLowerCase().includes(q)
  )
}
