/** Which engine events a view (or the `engine.events` stream) keeps: by type and by action, as `docker events --filter` does. */
import type { EngineEvent } from './system'

export interface EventFilter {
  types?: readonly string[]
  actions?: readonly string[]
}

/** "exec_start: sh -c date" → "exec_start", "health_status: healthy" → "health_status". */
export function baseAction(action: string): string {
  const colon = action.indexOf(':')
  return (colon < 0 ? action : action.slice(0, colon)).trim()
}

export function eventMatches(filter: EventFilter, event: EngineEvent): boolean {
  if (filter.types?.length && !filter.types.includes(event.Type)) return false
  if (filter.actions?.length && !filter.actions.includes(baseAction(event.Action))) return false
  return true
}
