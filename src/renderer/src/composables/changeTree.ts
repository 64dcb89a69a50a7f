import type { ContainerChange } from '@shared/types'

export type ChangeKind = ContainerChange['kind']

export interface ChangeNode {
  name: string
  path: string
  /** The change recorded for this exact path; a folder may only contain changes. */
  kind?: ChangeKind
  children: ChangeNode[]
  /** Changes at or below this node, by kind. */
  counts: Record<ChangeKind, number>
}

const zero = (): Record<ChangeKind, number> => ({ A: 0, C: 0, D: 0 })

/** Builds the folder tree of `docker diff` paths, folders first then by name, with counts rolled up. */
export function buildChangeTree(changes: ContainerChange[]): ChangeNode {
  const root: ChangeNode = { name: '/', path: '/', children: [], counts: zero() }
  const index = new Map<string, ChangeNode>([['/', root]])
  for (const change of changes) {
    const parts = change.path.split('/').filter(Boolean)
    let node = root
    let path = ''
    for (const part of parts) {
      path += `/${part}`
      let child = index.get(path)
      if (!child) {
        child = { name: part, path, children: [], counts: zero() }
        index.set(path, child)
        node.children.push(child)
      }
      child.counts[change.kind]++
      node = child
    }
    node.kind = change.kind
    root.counts[change.kind]++
  }
  const sort = (node: ChangeNode): void => {
    node.children.sort((a, b) => Number(b.children.length > 0) - Number(a.children.length > 0) || a.name.localeCompare(b.name))
    node.children.forEach(sort)
  }
  sort(root)
  return root
}

export interface ChangeRow {
  node: ChangeNode
  depth: number
  open: boolean
}

/** The rows to show: every node whose ancestors are all open. */
export function visibleRows(root: ChangeNode, open: Set<string>): ChangeRow[] {
  const rows: ChangeRow[] = []
  const walk = (node: ChangeNode, depth: number): void => {
    for (const child of node.children) {
      const isOpen = open.has(child.path)
      rows.push({ node: child, depth, open: isOpen })
      if (isOpen) walk(child, depth + 1)
    }
  }
  walk(root, 0)
  return rows
}
