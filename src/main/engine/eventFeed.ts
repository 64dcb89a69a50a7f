/**
 * The `engine.events` stream: the engine's events as `docker events` shows them, for the
 * Engine pane's live log. It rides the connection's one /events stream (the one the
 * container list already uses) instead of opening another per viewer. Events go out in
 * batches, at most one message per BATCH_MS; while the consumer is behind (a slow
 * WebSocket), they wait in a queue of at most MAX_QUEUED — older ones are let go and
 * counted, so a flood costs bounded memory and the page can say how many it missed.
 */
import { eventMatches, type EventFilter } from '../../shared/eventFilter'
import type { EngineEvent, EngineEventBatch } from '../../shared/system'
import type { Listeners } from './listeners'

export const BATCH_MS = 100
export const MAX_QUEUED = 2000

export interface EventSink {
  emit: (batch: EngineEventBatch) => void
  ready: () => boolean
}

export function feedEngineEvents(source: Listeners<EngineEvent>, filter: EventFilter, sink: EventSink): () => void {
  let queue: EngineEvent[] = []
  let dropped = 0
  let timer: NodeJS.Timeout | undefined

  const flush = (): void => {
    timer = undefined
    if (!queue.length && !dropped) return
    // Behind: keep what is queued (bounded) and look again a tick later.
    if (!sink.ready()) {
      timer = setTimeout(flush, BATCH_MS)
      return
    }
    const batch: EngineEventBatch = { events: queue, dropped }
    queue = []
    dropped = 0
    sink.emit(batch)
  }

  const stop = source.add((event) => {
    if (!eventMatches(filter, event)) return
    queue.push(copy(event))
    if (queue.length > MAX_QUEUED) {
      dropped += queue.length - MAX_QUEUED
      queue = queue.slice(-MAX_QUEUED)
    }
    timer ??= setTimeout(flush, BATCH_MS)
  })

  return () => {
    stop()
    clearTimeout(timer)
    queue = []
  }
}

/** The fields of the engine's event, nothing else it may carry (the legacy `status`, `id`, `from`). */
function copy(e: EngineEvent): EngineEvent {
  const event: EngineEvent = {
    Type: e.Type,
    Action: e.Action,
    Actor: { ID: e.Actor.ID, Attributes: { ...e.Actor.Attributes } },
    time: typeof e.time === 'number' ? e.time : 0,
  }
  if (typeof e.scope === 'string') event.scope = e.scope
  if (typeof e.timeNano === 'number') event.timeNano = e.timeNano
  return event
}
