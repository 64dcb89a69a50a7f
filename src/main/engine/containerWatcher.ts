/**
 * Turns the engine's container events into list deltas. Events that arrive close
 * together are batched into one filtered list call, so a burst of 50 state changes
 * costs one request, and the renderer never re-fetches the whole list per event.
 */
import type { ContainersDelta } from '../../shared/types'
import type { EngineConnection } from './connection'
import { toContainerSummary } from './containerSummary'
import type { EngineEvent } from './eventLines'
import { Listeners } from './listeners'

/** Actions that do not change anything the list shows. */
const ignoredActions = /^(exec_|top$|attach$|detach$|resize$|archive-path$|extract-to-dir$|copy$|export$|commit$)/

const BATCH_MS = 8

export class ContainerWatcher {
  readonly deltas = new Listeners<ContainersDelta>()
  private readonly dirty = new Set<string>()
  private readonly removed = new Set<string>()
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
    } else {
      this.removed.delete(id)
      this.dirty.add(id)
    }
    this.timer ??= setTimeout(() => void this.flush(), BATCH_MS)
  }

  private async flush(): Promise<void> {
    this.timer = undefined
    const removed = [...this.removed]
    const ids = [...this.dirty]
    this.removed.clear()
    this.dirty.clear()
    if (removed.length > 0) this.deltas.emit({ kind: 'remove', ids: removed })
    if (ids.length === 0) return
    try {
      const items = await this.engine.docker.listContainers({ all: true, filters: { id: ids } })
      const found = new Set(items.map((i) => i.Id))
      if (items.length > 0) this.deltas.emit({ kind: 'upsert', containers: items.map(toContainerSummary) })
      const gone = ids.filter((id) => !found.has(id))
      if (gone.length > 0) this.deltas.emit({ kind: 'remove', ids: gone })
    } catch {
      // The engine went away mid-flush; the reconnect resync re-lists everything.
    }
  }
}
