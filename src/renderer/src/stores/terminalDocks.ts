/**
 * Which sessions are docked beside a container's page, kept per window: sessionStorage
 * belongs to one window (one tab in browser mode) and outlives a reload, as sessions in
 * main do. Unreadable or foreign content counts as nothing docked.
 */
const KEY = 'wharf.terminalDocks'

export function readDocked(storage: Pick<Storage, 'getItem'> = sessionStorage): Record<number, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}')
    if (!parsed || typeof parsed !== 'object') return {}
    return Object.fromEntries(Object.entries(parsed).filter(([id, key]) => /^\d+$/.test(id) && typeof key === 'string'))
  } catch {
    return {}
  }
}

export function writeDocked(docked: Record<number, string>, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(docked))
}
