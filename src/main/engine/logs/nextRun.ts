import type { EngineConnection } from '../connection'
import { asError } from '../engineError'

/**
 * A followed log ends each time its container's process exits, even when a restart
 * policy brings it straight back. This waits for what comes next: resolves true once
 * the container runs again, false once it is stopped for good (not restarting) or gone.
 * Engine events about the container (and a resync after a reconnect) trigger a fresh
 * inspect, so nothing polls. Returns a canceller with the promise.
 */
export function waitForNextRun(engine: EngineConnection, id: string): { done: Promise<boolean>; cancel: () => void } {
  const stops: Array<() => void> = []
  let settle: (value: boolean) => void = () => undefined
  let fail: (err: unknown) => void = () => undefined
  const done = new Promise<boolean>((resolve, reject) => {
    settle = (value) => {
      for (const stop of stops.splice(0)) stop()
      resolve(value)
    }
    fail = (err) => {
      for (const stop of stops.splice(0)) stop()
      reject(asError(err))
    }
  })
  let checking = false
  let again = false
  const check = (): void => {
    if (checking) {
      again = true
      return
    }
    checking = true
    engine
      .client()
      .then((docker) => docker.getContainer(id).inspect())
      .then(
        (info) => {
          if (info.State.Running) settle(true)
          else if (!info.State.Restarting) settle(false)
        },
        (err: unknown) => {
          if ((err as { statusCode?: number }).statusCode === 404) settle(false)
          else fail(err)
        },
      )
      .finally(() => {
        checking = false
        if (again && stops.length) {
          again = false
          check()
        }
      })
  }
  stops.push(
    engine.events.add((event) => {
      if (event.Type === 'container' && event.Actor.ID === id) check()
    }),
    engine.resynced.add(check),
  )
  check()
  return {
    done,
    cancel: () => settle(false),
  }
}
