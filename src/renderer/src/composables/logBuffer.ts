import { forEachLogLine } from '@shared/logBatch'
import type { LogBatch, LogLine } from '@shared/types'
import { computed, ref, shallowRef } from 'vue'

export interface HeldLine extends LogLine {
  /** Stable key for rendering: increases with every line received. */
  seq: number
  /** In a merged log (a Compose project's), the index of the container it came from. */
  tag?: number
}

function held(line: LogLine, seq: number, tag?: number): HeldLine {
  return { seq, stream: line.stream, text: line.text, time: line.time, cut: line.cut, tag }
}

/** Lines held in the page; older ones are dropped (and can be loaded again) so an endless log stays bounded. */
export const MAX_HELD_LINES = 20_000
const APPLY_MS = 100

/**
 * The log lines on screen, bounded, plus search over them. Appends arrive in batches
 * from the stream; "load older" prepends a page fetched with `before`.
 */
export function useLogBuffer(limit = MAX_HELD_LINES) {
  const lines = shallowRef<HeldLine[]>([])
  /** Lines dropped from the front to stay within the limit (so older ones exist). */
  const dropped = ref(0)
  /** Every line received since the last clear, held or not. */
  const received = ref(0)
  let seq = 0

  // Batches are applied together, on the next frame and at most every APPLY_MS while a
  // log pours in: one render and one layout for many batches, and no one reads 50,000
  // lines a second anyway.
  let queued: LogBatch[] = []
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastApplied = 0
  function append(batch: LogBatch): void {
    queued.push(batch)
    if (frame || timer) return
    const wait = lastApplied + APPLY_MS - performance.now()
    if (wait <= 0) frame = requestAnimationFrame(flush)
    else timer = setTimeout(() => (frame = requestAnimationFrame(flush)), wait)
  }

  /** Applies what is queued now (tests; the page waits for the frame). */
  function flush(): void {
    if (frame) cancelAnimationFrame(frame)
    clearTimeout(timer)
    frame = 0
    timer = undefined
    lastApplied = performance.now()
    const batches = queued
    queued = []
    for (const batch of batches) applyBatch(batch)
  }

  function applyBatch(batch: LogBatch): void {
    const count = batch.texts.length
    // A new array each batch (cheap at this size) so views holding the old one re-render.
    const excess = Math.max(0, lines.value.length + count - limit)
    const next = excess ? lines.value.slice(Math.min(excess, lines.value.length)) : lines.value.slice()
    const skip = Math.max(0, count - limit)
    const tags = (batch as LogBatch & { tags?: number[] }).tags
    forEachLogLine(batch, (line, i) => {
      if (i >= skip) next.push(held(line, seq, tags?.[i]))
      seq++
    })
    dropped.value += excess
    received.value += count
    lines.value = next
  }

  function prepend(batch: LogLine[]): void {
    const older = batch.map((line) => held(line, -1 - seq++))
    received.value += older.length
    // Prepending past the limit drops from the end instead: the user asked for the past.
    lines.value = [...older, ...lines.value].slice(0, Math.max(limit, older.length))
  }

  function clear(): void {
    if (frame) cancelAnimationFrame(frame)
    clearTimeout(timer)
    frame = 0
    timer = undefined
    queued = []
    lines.value = []
    dropped.value = 0
    received.value = 0
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

  return { lines, dropped, received, append, flush, prepend, clear, query, matches, current, step }
}

export type LogBuffer = ReturnType<typeof useLogBuffer>
