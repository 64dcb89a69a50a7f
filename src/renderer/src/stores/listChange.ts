/**
 * Applying a `*.changed` stream's change to a resource list: rows keyed by id, upserts
 * replacing or adding, removals dropping (an id the list never had is no matter), the
 * result in the list's sort order. Plain functions, so the rules are unit-tested.
 */
import type { ListChange } from '@shared/listChange'

export interface ListShape<T> {
  key: (row: T) => string
  compare: (a: T, b: T) => number
  /** Other rows an upsert makes stale (a tag that moved to another image). */
  reconcile?: (rows: Map<string, T>, upserted: T[]) => void
}

export function applyChanges<T>(items: readonly T[], changes: ReadonlyArray<ListChange<T>>, shape: ListShape<T>): T[] {
  const rows = new Map(items.map((row) => [shape.key(row), row]))
  for (const change of changes) {
    for (const key of change.remove) rows.delete(key)
    for (const row of change.upsert) rows.set(shape.key(row), row)
    shape.reconcile?.(rows, change.upsert)
  }
  return [...rows.values()].sort(shape.compare)
}

/** A name names one image: an image that got a tag takes it from whichever row still shows it. */
export function moveTags<T extends { id: string; tags: string[]; dangling: boolean }>(rows: Map<string, T>, upserted: T[]): void {
  const taken = new Map<string, string>()
  for (const row of upserted) for (const tag of row.tags) taken.set(tag, row.id)
  if (!taken.size) return
  for (const [key, row] of rows) {
    const tags = row.tags.filter((tag) => (taken.get(tag) ?? row.id) === row.id)
    if (tags.length !== row.tags.length) rows.set(key, { ...row, tags, dangling: tags.length === 0 })
  }
}

/**
 * A list and the changes that reach it while a list call is in flight: those wait and
 * are applied on top of its answer (which may predate them); an answer that a newer call
 * overtook is dropped. Changes before the first answer are dropped too: that answer has them.
 */
export class ListState<T> {
  items: T[] = []
  loaded = false
  private revision = 0
  private buffered: Array<ListChange<T>> | null = null

  constructor(private readonly shape: ListShape<T>) {}

  /** A list call starts; returns its revision. */
  begin(): number {
    this.buffered = []
    return ++this.revision
  }

  /** Whether `revision` is the newest call's. */
  current(revision: number): boolean {
    return revision === this.revision
  }

  /** Returns whether the items changed now. */
  change(change: ListChange<T>): boolean {
    if (this.buffered) this.buffered.push(change)
    else if (this.loaded) this.items = applyChanges(this.items, [change], this.shape)
    return !this.buffered && this.loaded
  }

  /** A list call answered; returns whether its answer was taken. */
  answer(revision: number, list: readonly T[]): boolean {
    if (!this.current(revision)) return false
    this.items = applyChanges(list, this.buffered ?? [], this.shape)
    this.loaded = true
    this.buffered = null
    return true
  }

  /** A list call failed: what waited for it applies to the list there was. */
  fail(revision: number): boolean {
    if (!this.current(revision)) return false
    if (this.loaded && this.buffered?.length) this.items = applyChanges(this.items, this.buffered, this.shape)
    this.buffered = null
    return true
  }
}
