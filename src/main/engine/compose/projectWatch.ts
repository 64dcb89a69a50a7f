/**
 * The containers of a Compose project that start while its log is followed: `up`
 * recreating a service, or scaling it up, starts containers the merged log has not seen.
 * Subscribed before the project's containers are listed, so one that starts in between
 * is not missed (the merge drops the ones it already follows); until the log attaches,
 * they wait here.
 */
import { COMPOSE_LABELS, type ProjectLogSource } from '../../../shared/compose'
import type { EngineConnection } from '../connection'
import type { NewSources } from './projectLogs'

const MAX_WAITING = 1000

export function watchProjectStarts(engine: EngineConnection, project: string, services?: string[]): NewSources & { close(): void } {
  let add: ((source: ProjectLogSource) => void) | undefined
  const waiting: ProjectLogSource[] = []
  const close = engine.events.add((event) => {
    if (event.Type !== 'container' || event.Action !== 'start') return
    const attrs = event.Actor.Attributes
    if (attrs[COMPOSE_LABELS.project] !== project) return
    const service = attrs[COMPOSE_LABELS.service] ?? ''
    if (services?.length && !services.includes(service)) return
    const source = { service, container: attrs.name ?? event.Actor.ID.slice(0, 12), id: event.Actor.ID }
    if (add) add(source)
    else if (waiting.length < MAX_WAITING) waiting.push(source)
  })
  return {
    attach(next) {
      add = next
      for (const source of waiting.splice(0)) next(source)
    },
    close,
  }
}
