import { describe, expect, it } from 'vitest'
import { humanDurationSeconds, statusFacts } from './statusFacts'

const AT = 1_800_000_000_000

describe('statusFacts', () => {
  it('reads the start of a running container back from "Up …"', () => {
    expect(statusFacts('Up Less than a second', AT)).toEqual({ since: AT })
    expect(statusFacts('Up 20 seconds', AT)).toEqual({ since: AT - 20_000 })
    expect(statusFacts('Up About a minute', AT)).toEqual({ since: AT - 60_000 })
    expect(statusFacts('Up 5 minutes (healthy)', AT)).toEqual({ since: AT - 300_000, health: 'healthy' })
    expect(statusFacts('Up 2 hours (health: starting)', AT)).toEqual({ since: AT - 7_200_000, health: 'starting' })
    expect(statusFacts('Up 3 days (Paused)', AT)).toEqual({ since: AT - 3 * 86_400_000 })
  })

  it('reads the exit code and the time of an exit or a pending restart', () => {
    expect(statusFacts('Exited (137) 3 minutes ago', AT)).toEqual({ since: AT - 180_000, exitCode: 137 })
    expect(statusFacts('Exited (0) About an hour ago', AT)).toEqual({ since: AT - 3_600_000, exitCode: 0 })
    expect(statusFacts('Restarting (1) 2 seconds ago', AT)).toEqual({ since: AT - 2000, exitCode: 1 })
  })

  it('knows nothing more from texts without a time', () => {
    expect(statusFacts('Created', AT)).toEqual({})
    expect(statusFacts('Removal In Progress', AT)).toEqual({})
    expect(statusFacts('Dead', AT)).toEqual({})
    expect(statusFacts('', AT)).toEqual({})
    expect(statusFacts('Up for a while', AT)).toEqual({})
  })

  it('reads every unit HumanDuration writes', () => {
    expect(humanDurationSeconds('1 second')).toBe(1)
    expect(humanDurationSeconds('2 weeks')).toBe(14 * 86400)
    expect(humanDurationSeconds('3 months')).toBe(90 * 86400)
    expect(humanDurationSeconds('2 years')).toBe(730 * 86400)
  })
})
