/**
 * The palette's recent commands, newest first, remembered per engine in this browser's
 * storage (like the chosen language): they are a convenience of this window, not a
 * setting worth a round trip to main.
 */
const MAX = 8
const storageKey = (engine: string): string => `wharf.palette.recent.${engine}`

export function readRecent(engine: string, storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(engine)) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string').slice(0, MAX) : []
  } catch {
    // Someone else's value under our key: start afresh rather than fail the palette.
    return []
  }
}

export function rememberRecent(engine: string, key: string, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): string[] {
  const next = [key, ...readRecent(engine, storage).filter((k) => k !== key)].slice(0, MAX)
  storage.setItem(storageKey(engine), JSON.stringify(next))
  return next
}
