import type { BoundApi } from './app'
import type { ErrorData } from '../../../src/shared/errors'

export interface Collected<E> {
  events: E[]
  ended: Promise<ErrorData | undefined>
  close: () => void
}

/** Subscribes through the real router and collects events until the stream ends. */
export function collect<E>(api: BoundApi, stream: string, input: unknown): Collected<E> {
  const events: E[] = []
  let close = (): void => undefined
  const ended = new Promise<ErrorData | undefined>((resolve) => {
    close = api.subscribe(stream, input, (e) => events.push(e as E), resolve)
  })
  return { events, ended, close }
}
