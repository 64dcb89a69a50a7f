import type { ContainerSummary } from '@shared/types'

/**
 * A container as a list shows it. In the list of every engine's containers it carries its
 * engine: two engines may hold the same id (one engine added twice, under two names).
 */
export type ListedContainer = ContainerSummary & { engine?: string }

/** The container's key in a list: its id, prefixed with its engine where it has one. */
export function keyOf(c: ListedContainer): string {
  return c.engine === undefined ? c.id : `${c.engine}/${c.id}`
}

export interface ContainerRow {
  key: string
  kind: 'container'
  container: ListedContainer
  /** Set when the row sits under a compose project header. */
  inProject: boolean
}

export interface ProjectRow {
  key: string
  kind: 'project'
  project: string
  /** The engine of a project in a list of several engines' containers: each engine's are its own. */
  engine?: string
  running: number
  /** The members' keys (see keyOf). */
  ids: string[]
  collapsed: boolean
}

export type Row = ContainerRow | ProjectRow

/**
 * Flat rows for the virtualized table: a header row per compose project followed by
 * its containers (unless folded), then containers of no project; newest first, as
 * `docker ps` lists them. Flat rather than a tree so every row has the same height.
 * `collapsed` holds the folded projects' projectKey; `compare` sorts the containers (within
 * their project: the project headers stay in name order).
 */
export function buildRows(
  containers: ListedContainer[],
  collapsed: ReadonlySet<string> = new Set(),
  compare: (a: ListedContainer, b: ListedContainer) => number = newestFirst,
): Row[] {
  const sorted = [...containers].sort((a, b) => compare(a, b) || a.name.localeCompare(b.name))
  const groups = new Map<string, { header: ProjectRow; members: ContainerRow[] }>()
  const loose: ContainerRow[] = []
  for (const c of sorted) {
    const key = keyOf(c)
    if (!c.project) {
      loose.push({ key, kind: 'container', container: c, inProject: false })
      continue
    }
    const fold = projectKey(c.project, c.engine)
    let group = groups.get(fold)
    if (!group) {
      const header: ProjectRow = {
        key: `project:${fold}`,
        kind: 'project',
        project: c.project,
        engine: c.engine,
        running: 0,
        ids: [],
        collapsed: collapsed.has(fold),
      }
      group = { header, members: [] }
      groups.set(fold, group)
    }
    group.header.ids.push(key)
    if (c.state === 'running') group.header.running++
    group.members.push({ key, kind: 'container', container: c, inProject: true })
  }
  const rows: Row[] = []
  const order = (a: ProjectRow, b: ProjectRow): number =>
    a.project.localeCompare(b.project) || (a.engine ?? '').localeCompare(b.engine ?? '')
  for (const { header, members } of [...groups.values()].sort((a, b) => order(a.header, b.header))) {
    rows.push(header)
    if (!header.collapsed) rows.push(...members)
  }
  rows.push(...loose)
  return rows
}

/** `docker ps`'s order. */
export function newestFirst(a: ListedContainer, b: ListedContainer): number {
  return b.created - a.created
}

/** What a folded project is remembered by: its name, and its engine where rows have one. */
export function projectKey(project: string, engine?: string): string {
  return engine === undefined ? project : `${engine}/${project}`
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
