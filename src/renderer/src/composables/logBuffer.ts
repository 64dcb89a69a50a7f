import type { LogLine } from '@shared/types'
import { computed, ref, shallowRef } from 'vue'

export interface HeldLine extends LogLine {
  /** Stable key for rendering: increases with every line received. */
  seq: number
}

/** Lines held in the page; older ones are dropped (and can be loaded again) so an endless log stays bounded. */
export const MAX_HELD_LINES = 20_000

/**
 * The log lines on screen, bounded, plus search over them. Appends arrive in batches
 * from the stream; "load older" prepends a page fetched with `before`.
 */
export function useLogBuffer(limit = MAX_HELD_LINES) {
  const lines = shallowRef<HeldLine[]>([])
  /** Lines dropped from the front to stay within the limit (so older ones exist). */
  const dropped = ref(0)
  let seq = 0

  function append(batch: LogLine[]): void {
    // A new array each batch (cheap at this size) so views holding the old one re-render.
    const excess = Math.max(0, lines.value.length + batch.length - limit)
    const next = excess ? lines.value.slice(Math.min(excess, lines.value.length)) : lines.value.slice()
    for (const line of batch.length > limit ? batch.slice(-limit) : batch) next.push({ ...line, seq: seq++ })
    if (batch.length > limit) seq += batch.length - limit
    dropped.value += excess
    lines.value = next
  }

  function prepend(batch: LogLine[]): void {
    const older = batch.map((line) => ({ ...line, seq: -1 - seq++ }))
    // Prepending past the limit drops from the end instead: the user asked for the past.
    lines.value = [...older, ...lines.value].slice(0, Math.max(limit, older.length))
  }

  function clear(): void {
    lines.value = []
    dropped.value = 0
  }

  const query = ref('')
  const matches = computed<number[]>(() => {
    const needle = query.value.toLowerCase()
    if (!needle) return []
    const found: number[] = []
    lines.value.forEach((line, i) => {
      if (line.text.toLowerCase().includes(needle)) found.push(i)
    })
    return found
  })
  const current = ref(-1)

  function step(delta: 1 | -1): number | undefined {
    const count = matches.value.length
    if (count === 0) return undefined
    current.value = current.value < 0 ? (delta > 0 ? 0 : count - 1) : (current.value + delta + count) % count
    return matches.value[current.value]
  }

  return { lines, dropped, append, prepend, clear, query, matches, current, step }
}

export type LogBuffer = ReturnType<typeof useLogBuffer>
