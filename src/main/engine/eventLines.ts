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

/** The part of an engine event Wharf uses. Docker and Podman both send these fields. */
export interface EngineEvent {
  Type: string
  Action: string
  Actor: { ID: string; Attributes: Record<string, string> }
  time: number
  timeNano?: number
}

export function isEngineEvent(value: unknown): value is EngineEvent {
  const v = value as EngineEvent
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.Type === 'string' &&
    typeof v.Action === 'string' &&
    typeof v.Actor === 'object' &&
    v.Actor !== null &&
    typeof v.Actor.ID === 'string'
  )
}
