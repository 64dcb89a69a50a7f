import type { ContainerHealth } from '../../shared/types'

/**
 * What the engine's status text ("Up 5 minutes (healthy)", "Exited (137) 3 minutes ago",
 * "Restarting (1) 2 seconds ago") says, read back into facts the page can format in its
 * own language and age by its own clock. The list call carries no start or exit time,
 * and the text goes stale the moment it is made; docker and Podman both write the
 * duration with go-units' HumanDuration, read back here to its unit.
 */
export interface StatusFacts {
  /** When the current state began, in ms since the epoch (as `at` counts). */
  since?: number
  exitCode?: number
  health?: ContainerHealth
}

const UNITS: Record<string, number> = {
  second: 1,
  seconds: 1,
  minute: 60,
  minutes: 60,
  hour: 3600,
  hours: 3600,
  day: 86400,
  days: 86400,
  week: 7 * 86400,
  weeks: 7 * 86400,
  month: 30 * 86400,
  months: 30 * 86400,
  year: 365 * 86400,
  years: 365 * 86400,
}
const HEALTH: Record<string, ContainerHealth> = { healthy: 'healthy', unhealthy: 'unhealthy', 'health: starting': 'starting' }

/** HumanDuration's words back to seconds; undefined for words it does not write. */
export function humanDurationSeconds(text: string): number | undefined {
  if (text === 'Less than a second') return 0
  if (text === 'About a minute') return 60
  if (text === 'About an hour') return 3600
  const space = text.indexOf(' ')
  const unit = UNITS[text.slice(space + 1)]
  const n = Number(text.slice(0, space))
  return unit !== undefined && space > 0 && Number.isInteger(n) ? n * unit : undefined
}

// Plain string steps rather than one regular expression: this runs for every row of
// every list (P1 lists 5,000), and the steps cost a fraction of the expression's time.
export function statusFacts(status: string, at: number): StatusFacts {
  let rest: string
  let exitCode: number | undefined
  if (status.startsWith('Up ')) rest = status.slice(3)
  else if (status.startsWith('Exited (') || status.startsWith('Restarting (')) {
    const close = status.indexOf(') ')
    if (close < 0) return {}
    exitCode = Number(status.slice(status.indexOf('(') + 1, close))
    rest = status.slice(close + 2)
  } else return {}
  const facts: StatusFacts = {}
  if (exitCode !== undefined && Number.isInteger(exitCode)) facts.exitCode = exitCode
  if (rest.endsWith(')')) {
    const open = rest.lastIndexOf(' (')
    if (open >= 0) {
      const health = HEALTH[rest.slice(open + 2, -1)]
      if (health) facts.health = health
      rest = rest.slice(0, open)
    }
  }
  if (rest.endsWith(' ago')) rest = rest.slice(0, -4)
  const seconds = humanDurationSeconds(rest)
  if (seconds !== undefined) facts.since = at - seconds * 1000
  return facts
}
