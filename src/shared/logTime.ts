/**
 * The engine stamps log lines with RFC 3339 nanosecond times and takes `since`/`until`
 * as Unix seconds with a nanosecond fraction. Converting through Date would lose the
 * nanoseconds and page back onto lines already shown.
 */
export function logTimeToUnix(time: string): string | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(time)
  if (!match) return undefined
  const seconds = Date.parse(`${match[1]}Z`) / 1000
  if (!Number.isFinite(seconds)) return undefined
  return `${seconds}.${(match[2] ?? '').padEnd(9, '0')}`
}

/**
 * The engine's `since` for the lines after `time`: one nanosecond later, because `since`
 * keeps lines stamped exactly at it and the line at `time` has been shown.
 */
export function logTimeAfter(time: string): string | undefined {
  const unix = logTimeToUnix(time)
  if (!unix) return undefined
  const [seconds, nanos] = unix.split('.')
  const next = Number(nanos) + 1
  return next === 1e9 ? `${Number(seconds) + 1}.000000000` : `${seconds}.${String(next).padStart(9, '0')}`
}
