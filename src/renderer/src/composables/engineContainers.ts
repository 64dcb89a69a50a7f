/**
 * The list of every engine's containers (E3), as plain functions over the engines' own
 * container lists: tagging each container with its engine, merging, filtering, counting.
 * Kept free of Vue so the rules are testable on their own.
 */
import type { ContainerSummary } from '@shared/types'
import { matches } from '../stores/containerList'
import type { ListedContainer } from './containerRows'

export interface ContainerCounts {
  running: number
  total: number
}

export function countContainers(containers: Iterable<ContainerSummary>): ContainerCounts {
  let running = 0
  let total = 0
  for (const c of containers) {
    total++
    if (c.state === 'running') running++
  }
  return { running, total }
}

/**
 * Tags containers with their engine, giving back the same tagged object for as long as the
 * engine's list holds the same summary: the table re-renders a row only when its object
 * changes, and the stores replace only the summaries that changed (P2).
 */
export function createTagger(): (engine: string, c: ContainerSummary) => ListedContainer {
  const tagged = new WeakMap<ContainerSummary, ListedContainer>()
  return (engine, c) => {
    let found = tagged.get(c)
    if (found?.engine !== engine) {
      found = { ...c, engine }
      tagged.set(c, found)
    }
    return found
  }
}

export interface EngineList {
  engine: string
  containers: Iterable<ContainerSummary>
}

/** Every engine's containers in one list, each tagged with its engine. */
export function mergeEngines(lists: EngineList[], tag: (engine: string, c: ContainerSummary) => ListedContainer): ListedContainer[] {
  const merged: ListedContainer[] = []
  for (const { engine, containers } of lists) for (const c of containers) merged.push(tag(engine, c))
  return merged
}

export interface AllFilter {
  query: string
  state: string
  /** An engine's id, or `all`. */
  engine: string
}

export function matchesAll(c: ListedContainer, filter: AllFilter): boolean {
  return (filter.engine === 'all' || c.engine === filter.engine) && matches(c, filter.query, filter.state)
}

/**
 * How many containers each choice of a filter would show, the other filters applied: per
 * state (the state filter's buttons) and per engine (the engine filter's options), each
 * with `all`.
 */
export function filterCounts(
  items: ListedContainer[],
  filter: AllFilter,
): { states: Record<string, number>; engines: Record<string, number> } {
  const states: Record<string, number> = { all: 0 }
  const engines: Record<string, number> = { all: 0 }
  for (const c of items) {
    if (!matches(c, filter.query, 'all')) continue
    const inEngine = filter.engine === 'all' || c.engine === filter.engine
    const inState = filter.state === 'all' || c.state === filter.state
    if (inEngine) {
      states.all++
      states[c.state] = (states[c.state] ?? 0) + 1
    }
    if (inState && c.engine !== undefined) {
      engines.all++
      engines[c.engine] = (engines[c.engine] ?? 0) + 1
    }
  }
  return { states, engines }
}

/** The containers' ids per engine, for actions on a selection that spans engines. */
export function idsByEngine(containers: ListedContainer[]): Map<string, string[]> {
  const byEngine = new Map<string, string[]>()
  for (const c of containers) {
    if (c.engine === undefined) continue
    const ids = byEngine.get(c.engine)
    if (ids) ids.push(c.id)
    else byEngine.set(c.engine, [c.id])
  }
  return byEngine
}
