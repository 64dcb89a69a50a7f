/**
 * Turns the engine's container events into list deltas. The state an event announces
 * (paused, running, exited) goes out at once; events that arrive close together are
 * then batched into one filtered list call for the full rows, so a burst of 50 state
 * changes costs one request, and the renderer never re-fetches the whole list per event.
 */
import type { ContainerState, ContainerSummary, ContainersDelta } from '../../shared/types'
import type { EngineConnection } from './connection'
import { toContainerSummary } from './containerSummary'
import type { EngineEvent } from './eventLines'
import { Listeners } from './listeners'

/** Actions that do not change anything the list shows. */
const ignoredActions = /^(exec_|top$|attach$|detach$|resize$|archive-path$|extract-to-dir$|copy$|export$|commit$)/

const BATCH_MS = 8
const RECHECK_MS = 50
const MAX_RECHECKS = 20

interface Pending {
  /** States the event implies; empty when any state is plausible. */
  expect: ContainerState[]
  /** What to show while the engine's list still lags behind its own event. */
  show?: Shown
  tries: number
}

interface Shown {
  state: ContainerState
  status: string
  since?: number
  exitCode?: number
}

/** The event's time in ms (the engine's clock, as the list's times are). */
function eventMs(event: EngineEvent): number {
  return event.timeNano ? Math.floor(event.timeNano / 1e6) : event.time * 1000
}

/**
 * dockerd 20.10 emits `die` a few hundred milliseconds before its list view stops
 * saying "running". Until the list agrees with the event, the row shows the state the
 * event itself announced, and the id is listed again with back-off.
 */
function expectationFor(event: EngineEvent, action: string): Pending {
  const attrs = event.Actor.Attributes ?? {}
  const exitCode = attrs.exitCode !== undefined && /^-?\d+$/.test(attrs.exitCode) ? Number(attrs.exitCode) : undefined
  switch (action) {
    case 'start':
      return {
        expect: ['running', 'exited', 'dead', 'restarting'],
        show: { state: 'running', status: 'Up', since: eventMs(event) },
        tries: 0,
      }
    case 'unpause':
      return { expect: ['running', 'exited', 'dead', 'restarting'], show: { state: 'running', status: 'Up' }, tries: 0 }
    case 'die':
      return {
        expect: ['exited', 'dead', 'restarting', 'removing'],
        show: { state: 'exited', status: `Exited (${attrs.exitCode ?? '?'})`, since: eventMs(event), exitCode },
        tries: 0,
      }
    case 'pause':
      return { expect: ['paused'], show: { state: 'paused', status: 'Paused' }, tries: 0 }
    default:
      return { expect: [], tries: 0 }
  }
}

export class ContainerWatcher {
  readonly deltas = new Listeners<ContainersDelta>()
  /** Ids to list, with what their latest event implies. */
  private readonly dirty = new Map<string, Pending>()
  private readonly removed = new Set<string>()
  /** States announced by events since the last flush, sent before the list call. */
  private readonly announced = new Map<string, Shown>()
  /**
   * The exact time of each container's latest start or exit seen as an event; the list's
   * status text only gives it to the unit it was written in ("5 minutes").
   */
  private readonly changedAt = new Map<string, { action: 'start' | 'die'; at: number }>()
  private timer: NodeJS.Timeout | undefined
  private readonly disposers: (() => void)[] = []

  constructor(private readonly engine: EngineConnection) {
    this.disposers.push(
      engine.events.add((event) => this.onEvent(event)),
      engine.resynced.add(() => this.deltas.emit({ kind: 'resync' })),
    )
  }

  dispose(): void {
    clearTimeout(this.timer)
    for (const dispose of this.disposers) dispose()
  }

  private onEvent(event: EngineEvent): void {
    if (event.Type !== 'container' || this.deltas.size === 0) return
    const action = event.Action.split(':')[0]
    if (ignoredActions.test(action)) return
    const id = event.Actor.ID
    if (action === 'destroy') {
      this.dirty.delete(id)
      this.removed.add(id)
      this.changedAt.delete(id)
    } else {
      if (action === 'start' || action === 'die') this.changedAt.set(id, { action, at: eventMs(event) })
      this.removed.delete(id)
      const expectation = expectationFor(event, action)
      this.dirty.set(id, expectation)
      if (expectation.show) this.announced.set(id, expectation.show)
      else this.announced.delete(id)
    }
    this.schedule(BATCH_MS)
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => void this.flush(), ms)
  }

  private async flush(): Promise<void> {
    this.timer = undefined
    const removed = [...this.removed]
    const pending = new Map(this.dirty)
    const ids = [...pending.keys()]
    this.removed.clear()
    this.dirty.clear()
    if (removed.length > 0) this.deltas.emit({ kind: 'remove', ids: removed })
    if (this.announced.size > 0) {
      this.deltas.emit({ kind: 'state', changes: [...this.announced].map(([id, show]) => ({ id, ...show })) })
      this.announced.clear()
    }
    if (ids.length === 0) return
    try {
      const items = await (await this.engine.client()).listContainers({ all: true, filters: { id: ids } })
      const listedAt = Date.now()
      const found = new Set(items.map((i) => i.Id))
      const summaries = items.map((item) => {
        const summary = this.withEventTime(toContainerSummary(item, listedAt))
        const wanted = pending.get(summary.id)
        if (!wanted || wanted.expect.length === 0 || wanted.expect.includes(summary.state) || wanted.tries >= MAX_RECHECKS) return summary
        if (!this.dirty.has(summary.id)) this.dirty.set(summary.id, { ...wanted, tries: wanted.tries + 1 })
        this.schedule(Math.min(RECHECK_MS * (wanted.tries + 1), 400))
        return wanted.show ? { ...summary, ...wanted.show } : summary
      })
      if (summaries.length > 0) this.deltas.emit({ kind: 'upsert', containers: summaries })
      const gone = ids.filter((id) => !found.has(id))
      if (gone.length > 0) this.deltas.emit({ kind: 'remove', ids: gone })
    } catch {
      // The engine went away mid-flush; the reconnect resync re-lists everything.
    }
  }

  private withEventTime(summary: ContainerSummary): ContainerSummary {
    const seen = this.changedAt.get(summary.id)
    if (!seen) return summary
    const started = summary.state === 'running' || summary.state === 'paused'
    const ended = summary.state === 'exited' || summary.state === 'restarting' || summary.state === 'dead'
    return (seen.action === 'start' && started) || (seen.action === 'die' && ended) ? { ...summary, since: seen.at } : summary
  }
}
