import type { EngineEvent } from '../../shared/system'

export type { EngineEvent }

/**
 * The engine's /events endpoint sends newline-delimited JSON, and a chunk may end in
 * the middle of a line: keep the tail until its newline arrives.
 */
export function createLineParser(onObject: (value: unknown) => void, onBadLine?: (line: string) => void) {
  let buffered = ''
  return (chunk: Buffer | string): void => {
    buffered += typeof chunk === 'string' ? chunk : chunk.toString('utf8')
    let newline = buffered.indexOf('\n')
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim()
      buffered = buffered.slice(newline + 1)
      if (line.length > 0) {
        try {
          onObject(JSON.parse(line))
        } catch {
          onBadLine?.(line)
        }
      }
      newline = buffered.indexOf('\n')
    }
  }
}

/**
 * Docker and Podman both send the fields of EngineEvent. An actor without attributes
 * gets an empty set here, on the freshly parsed value, so no listener has to check.
 */
export function isEngineEvent(value: unknown): value is EngineEvent {
  const v = value as EngineEvent
  const shaped =
    typeof v === 'object' &&
    v !== null &&
    typeof v.Type === 'string' &&
    typeof v.Action === 'string' &&
    typeof v.Actor === 'object' &&
    v.Actor !== null &&
    typeof v.Actor.ID === 'string'
  if (!shaped) return false
  const attributes = v.Actor.Attributes as unknown
  if (attributes === undefined || attributes === null) v.Actor.Attributes = {}
  else if (typeof attributes !== 'object') return false
  return true
}
