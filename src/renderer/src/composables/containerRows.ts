import type { ContainerSummary } from '@shared/types'

export interface ContainerRow {
  key: string
  kind: 'container'
  container: ContainerSummary
  /** Set when the row sits under a compose project header. */
  inProject: boolean
}

export interface ProjectRow {
  key: string
  kind: 'project'
  project: string
  running: number
  ids: string[]
  collapsed: boolean
}

export type Row = ContainerRow | ProjectRow

/**
 * Flat rows for the virtualized table: a header row per compose project followed by
 * its containers (unless folded), then containers of no project; newest first, as
 * `docker ps` lists them. Flat rather than a tree so every row has the same height.
 */
export function buildRows(containers: ContainerSummary[], collapsed: ReadonlySet<string> = new Set()): Row[] {
  const sorted = [...containers].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name))
  const groups = new Map<string, { header: ProjectRow; members: ContainerRow[] }>()
  const loose: ContainerRow[] = []
  for (const c of sorted) {
    if (!c.project) {
      loose.push({ key: c.id, kind: 'container', container: c, inProject: false })
      continue
    }
    let group = groups.get(c.project)
    if (!group) {
      const header: ProjectRow = {
        key: `project:${c.project}`,
        kind: 'project',
        project: c.project,
        running: 0,
        ids: [],
        collapsed: collapsed.has(c.project),
      }
      group = { header, members: [] }
      groups.set(c.project, group)
    }
    group.header.ids.push(c.id)
    if (c.state === 'running') group.header.running++
    group.members.push({ key: c.id, kind: 'container', container: c, inProject: true })
  }
  const rows: Row[] = []
  for (const { header, members } of [...groups.values()].sort((a, b) => a.header.project.localeCompare(b.header.project))) {
    rows.push(header)
    if (!header.collapsed) rows.push(...members)
  }
  rows.push(...loose)
  return rows
}

/**
 * Whether two row lists have the same shape: the same rows in the same order, project
 * headers with the same counts and fold, containers with the same name. The rest of what a
 * container row shows is not compared: its cells read the container as it is now.
 */
export function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  if (a.length !== b.length) return false
  return a.every((x, i) => {
    const y = b[i]
    if (x.key !== y.key || x.kind !== y.kind) return false
    // The name too: the select box is labelled with it.
    if (x.kind === 'container' && y.kind === 'container') return x.inProject === y.inProject && x.container.name === y.container.name
    if (x.kind === 'project' && y.kind === 'project')
      return x.running === y.running && x.collapsed === y.collapsed && x.ids.length === y.ids.length
    return false
  })
}
