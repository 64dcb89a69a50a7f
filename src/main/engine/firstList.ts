/**
 * The first container list, fetched the moment the engine connects so the window that
 * is still loading finds it ready. It is handed out once, and only while no container
 * event has arrived since it was requested: the event stream is open before the fetch
 * starts, so an event is the only way the list could have gone stale.
 */
import type { ContainerSummary } from '../../shared/types'
import type { EngineConnection } from './connection'

const MAX_AGE_MS = 5000

export class FirstList {
  private pending: { list: Promise<ContainerSummary[]>; at: number } | undefined
  private readonly disposers: (() => void)[]
  private expiry: NodeJS.Timeout | undefined

  constructor(engine: EngineConnection, fetch: () => Promise<ContainerSummary[]>) {
    let wasConnected = false
    this.disposers = [
      engine.statusChanged.add((status) => {
        const connected = status.state === 'connected'
        const justConnected = connected && !wasConnected
        wasConnected = connected
        if (!connected) this.pending = undefined
        if (!justConnected) return
        const list = fetch()
        list.catch(() => undefined)
        this.pending = { list, at: Date.now() }
        // Not kept past its use: an engine nobody looks at holds no list.
        this.expiry = setTimeout(() => {
          if (this.pending?.list === list) this.pending = undefined
        }, MAX_AGE_MS)
        this.expiry.unref?.()
      }),
      engine.events.add((event) => {
        if (event.Type === 'container') this.pending = undefined
      }),
    ]
  }

  /** The prefetched list if it is still good, else undefined; never the same one twice. */
  take(): Promise<ContainerSummary[]> | undefined {
    const pending = this.pending
    this.pending = undefined
    return pending && Date.now() - pending.at < MAX_AGE_MS ? pending.list : undefined
  }

  dispose(): void {
    clearTimeout(this.expiry)
    for (const d of this.disposers) d()
  }
}
