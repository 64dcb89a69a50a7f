import { ref } from 'vue'

/**
 * One clock for every age on screen ("Up 20 seconds", "3 minutes ago"): two shared refs
 * and one timer for the whole page, never a timer per row (the container list can hold
 * thousands; only the cells on screen render, and each re-renders only on the tick it
 * needs). Ages under a minute are written in seconds, so they follow the second tick;
 * older ones change once a minute at most.
 */
const second = ref(Date.now())
const minute = ref(Date.now())
let timer: ReturnType<typeof setInterval> | undefined

function ensureRunning(): void {
  timer ??= setInterval(() => {
    const now = Date.now()
    second.value = now
    if (now - minute.value >= 60_000) minute.value = now
  }, 1000)
}

/**
 * The current time, for an age counted from `since` (ms). Read inside a render or a
 * computed: it subscribes to the second tick while the age is under a minute, and to the
 * minute tick after that (the value is always the real current time).
 */
export function nowFor(since: number | undefined): number {
  ensureRunning()
  const now = Date.now()
  if (since !== undefined && now - since < 61_000) void second.value
  else void minute.value
  return now
}
