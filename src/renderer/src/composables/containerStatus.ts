import type { ContainerHealth, ContainerState } from '@shared/types'
import { useI18n } from 'vue-i18n'
import { nowFor } from './clock'

export interface StatusFacts {
  state: ContainerState
  /** When the current state began, ms since the epoch. */
  since?: number
  exitCode?: number
  health?: ContainerHealth
}

export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/**
 * An age written as the docker CLI writes it (go-units' HumanDuration): seconds under a
 * minute, then "About a minute", minutes, "About an hour", hours up to two days, days,
 * weeks, months, years — in the page's language.
 */
export function formatAge(ms: number, t: Translate): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000)
  if (seconds < 1) return t('age.lessThanSecond')
  if (seconds < 60) return t('age.seconds', { n: seconds }, seconds)
  const minutes = Math.floor(seconds / 60)
  if (minutes === 1) return t('age.aboutMinute')
  if (minutes < 60) return t('age.minutes', { n: minutes }, minutes)
  const hours = Math.round(ms / 3_600_000)
  if (hours === 1) return t('age.aboutHour')
  if (hours < 48) return t('age.hours', { n: hours }, hours)
  const unit = (key: string, n: number): string => t(key, { n }, n)
  if (hours < 24 * 7 * 2) return unit('age.days', Math.floor(hours / 24))
  if (hours < 24 * 30 * 2) return unit('age.weeks', Math.floor(hours / 24 / 7))
  if (hours < 24 * 365 * 2) return unit('age.months', Math.floor(hours / 24 / 30))
  return unit('age.years', Math.floor(hours / 24 / 365))
}

/**
 * A container's status line, as `docker ps` writes it ("Up 5 minutes (healthy)",
 * "Exited (137) 3 minutes ago") but in the page's language and aged by `now`, so it
 * never goes stale between engine events.
 */
export function formatStatus(c: StatusFacts, now: number, t: Translate): string {
  const age = c.since === undefined ? undefined : formatAge(now - c.since, t)
  const code = c.exitCode ?? '?'
  let text: string
  switch (c.state) {
    case 'running':
      text = age === undefined ? t('status.running') : t('status.up', { time: age })
      break
    case 'paused':
      text = age === undefined ? t('status.paused') : t('status.upPaused', { time: age })
      break
    case 'exited':
      text = age === undefined ? t('status.exitedNoTime', { code }) : t('status.exited', { code, time: age })
      break
    case 'restarting':
      text = age === undefined ? t('status.restartingNoTime', { code }) : t('status.restarting', { code, time: age })
      break
    default:
      text = t(`status.${c.state}`)
  }
  return c.health && c.state === 'running' ? t('status.withHealth', { status: text, health: t(`status.health.${c.health}`) }) : text
}

/**
 * The status line for the page's language and the current time. Call the returned
 * function inside a render: it subscribes that render to the shared clock's tick.
 */
export function useStatusText(): (c: StatusFacts) => string {
  const { t } = useI18n()
  const translate: Translate = (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural))
  return (c) => formatStatus(c, nowFor(c.since), translate)
}
