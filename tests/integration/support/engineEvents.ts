import type { EngineEvent, EngineEventBatch } from '../../../src/shared/system'
import type { BoundApi } from './app'
import { waitFor } from './engine'

export interface EventRecorder {
  events: EngineEvent[]
  dropped: number
  close: () => void
}

/** An `engine.events` subscription through the real router, recording every event. */
export function subscribeEvents(api: BoundApi, input: unknown): EventRecorder {
  const recorder: EventRecorder = { events: [], dropped: 0, close: () => undefined }
  recorder.close = api.subscribe('engine.events', input, (batch) => {
    const b = batch as EngineEventBatch
    recorder.events.push(...b.events)
    recorder.dropped += b.dropped
  })
  return recorder
}

/** Waits until `actor` has had each of `actions` (in that order), and returns those events. */
export async function eventsOf(recorder: EventRecorder, actor: string, actions: string[]): Promise<EngineEvent[]> {
  return waitFor(
    () => {
      const seen = recorder.events.filter((e) => e.Actor.ID === actor && actions.includes(e.Action))
      const order = seen.map((e) => e.Action).filter((a, i, all) => all.indexOf(a) === i)
      return order.join() === actions.join() ? seen : undefined
    },
    `${actions.join(', ')} of ${actor.slice(0, 12)}`,
  )
}
