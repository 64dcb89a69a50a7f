/**
 * Turns the engine's events into changes of one resource list (images, volumes,
 * networks): each event names the rows it touched; after a short settle the touched
 * rows are fetched again (the event itself never carries the full row) and sent as one
 * change, rows that are gone as removals. Events are read and changes fetched one after
 * another, so a later change never overtakes an earlier one; a burst touching the same
 * row fetches it once. A change too broad to fetch row by row (a prune) asks for a list.
 */
import type { ListChange } from '../../shared/listChange'
import type { EngineEvent } from '../../shared/system'
import type { Listeners } from './listeners'

export const SETTLE_MS = 50

/** What an event touched: the keys of rows to fetch again, or the whole list. */
export type Touched = string[] | 'relist'

export interface ChangeSource<T> {
  /** Runs once before any event is read (a container index to seed). */
  start?: () => Promise<void>
  /** May ask the engine (which image a new container runs); called in event order. */
  touched: (event: EngineEvent) => Touched | Promise<Touched>
  /** The rows for these keys now, and the keys that are gone. */
  rows: (keys: string[]) => Promise<{ rows: T[]; gone: string[] }>
}

export function feedChanges<T>(events: Listeners<EngineEvent>, source: ChangeSource<T>, emit: (change: ListChange<T>) => void): () => void {
  let stopped = false
  let pending = new Set<string>()
  let relist = false
  let timer: NodeJS.Timeout | undefined
  // Everything runs on this one chain: the start, each event, each flush.
  let chain: Promise<void> = (source.start?.() ?? Promise.resolve()).catch(() => {
    relist = true
    schedule()
  })
  const then = (work: () => Promise<void> | void): void => {
    chain = chain.then(work).catch((err: unknown) => {
      // The engine failed us mid-change (it went away): the page lists again rather than miss a row.
      if (!stopped) console.warn('wharf: list change failed, asking for a list', err)
      relist = true
      schedule()
    })
  }
  const schedule = (): void => {
    timer ??= setTimeout(() => {
      timer = undefined
      then(flush)
    }, SETTLE_MS)
  }

  async function flush(): Promise<void> {
    if (stopped) return
    if (relist) {
      relist = false
      pending = new Set()
      emit({ upsert: [], remove: [], relist: true })
      return
    }
    const keys = [...pending]
    pending = new Set()
    if (!keys.length) return
    const { rows, gone } = await source.rows(keys)
    if (!stopped && (rows.length || gone.length)) emit({ upsert: rows, remove: gone, relist: false })
  }

  const stop = events.add((event) => {
    then(async () => {
      const touched = await source.touched(event)
      if (touched === 'relist') relist = true
      else for (const key of touched) pending.add(key)
      if (relist || pending.size) schedule()
    })
  })

  return () => {
    stopped = true
    stop()
    clearTimeout(timer)
  }
}
