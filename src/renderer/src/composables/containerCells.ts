/**
 * The container table's cells that are more than one line of text, as plain elements
 * (see tableCells.ts for why): the compose project header, the name link, the engine,
 * CPU, memory and Created.
 */
import type { EngineState, StatsSample } from '@shared/types'
import { NIcon } from 'naive-ui'
import { h } from 'vue'
import { FoldedIcon, UnfoldedIcon } from '../icons'
import type { ListedContainer, ProjectRow } from './containerRows'
import { cell } from './tableCells'
import { formatBytes, formatDateTime, formatRelative } from './format'
import { nowFor } from './clock'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** `href`: the project's page in the Compose pane. */
export function projectHeader(row: ProjectRow, t: Translate, onFold: () => void, href: string, engineName?: string) {
  return h('span', { class: 'project' }, [
    h(
      'button',
      {
        type: 'button',
        class: 'fold',
        'aria-expanded': row.collapsed ? 'false' : 'true',
        'aria-label': t('containers.project', { name: row.project }),
        onClick: onFold,
      },
      h(NIcon, { component: row.collapsed ? FoldedIcon : UnfoldedIcon, size: 14 }),
    ),
    h('a', { href, class: 'project-link', 'aria-label': t('compose.openProject', { name: row.project }) }, [h('strong', row.project)]),
    engineName ? h('span', { class: 'dim' }, engineName) : null,
    h('span', { class: 'dim' }, t('containers.projectRunning', { running: row.running, total: row.ids.length })),
  ])
}

/** A plain link (hash routing needs no RouterLink), cheap to render in every row. */
export function nameLink(c: ListedContainer, href: string, nested: boolean) {
  return h('a', { href, class: nested ? 'cell name nested' : 'cell name', title: `${c.name} (${c.id.slice(0, 12)})` }, c.name)
}

/** The engine's name, and its state while it is not connected: the row is as last seen. */
export function engineCell(name: string, state: EngineState | undefined, t: Translate) {
  if (state === undefined || state === 'connected') return cell(name)
  const text = t(`engine.state.${state}`)
  return h('span', { class: 'cell engine-cell', title: `${name} · ${text}` }, [
    name,
    ' ',
    h('span', { class: ['engine-state', state] }, text),
  ])
}

export function cpuCell(sample: StatsSample | undefined) {
  return sample ? h('span', { class: 'num' }, `${sample.cpuPercent.toFixed(1)}%`) : ''
}

export function memoryCell(sample: StatsSample | undefined) {
  return sample
    ? h(
        'span',
        { class: 'num', title: `${formatBytes(sample.memoryUsed)} / ${formatBytes(sample.memoryLimit)}` },
        formatBytes(sample.memoryUsed),
      )
    : ''
}

export function createdCell(c: ListedContainer, locale: string) {
  return h(
    'time',
    { class: 'cell', datetime: new Date(c.created * 1000).toISOString(), title: formatDateTime(c.created * 1000, locale) },
    formatRelative(c.created, locale, nowFor(c.created * 1000)),
  )
}
