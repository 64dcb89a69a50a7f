/**
 * The container list's columns (both the pane's and the list of every engine's), the
 * orders its sortable columns sort by, and the row's action buttons: the usual action
 * for the container's state, a terminal, remove, and a menu for the less common ones.
 */
import type { StatsSample } from '@shared/types'
import { h, type Component, type VNodeChild } from 'vue'
import ContainerStateTag from '../components/ContainerStateTag.vue'
import { ACTION_ICONS, MoreIcon, TerminalIcon } from '../icons'
import type { ContainerAction } from '../stores/containers'
import { cpuCell, createdCell, engineCell, memoryCell, nameLink } from './containerCells'
import { keyOf, type ListedContainer, type Row } from './containerRows'
import { formatPorts } from './format'
import { byText, type ListColumn } from './listColumns'
import { cell, iconButton } from './tableCells'

type Translate = (key: string, named?: Record<string, unknown>) => string
type Order = (a: ListedContainer, b: ListedContainer) => number

const firstPort = (c: ListedContainer): number => c.ports.find((p) => p.publicPort)?.publicPort ?? c.ports[0]?.privatePort ?? 0

/** What each sortable column sorts containers by; `stats` for CPU and memory. */
export function containerOrders(stats: () => Map<string, StatsSample>, engineName: (c: ListedContainer) => string): Record<string, Order> {
  const sample = (c: ListedContainer): StatsSample | undefined => stats().get(keyOf(c))
  return {
    name: (a, b) => byText(a.name, b.name),
    engine: (a, b) => byText(engineName(a), engineName(b)),
    image: (a, b) => byText(a.image, b.image),
    state: (a, b) => byText(a.state, b.state),
    // Status reads as the state and then how long: the newest first within a state.
    status: (a, b) => byText(a.state, b.state) || b.created - a.created,
    ports: (a, b) => firstPort(a) - firstPort(b),
    cpu: (a, b) => (sample(a)?.cpuPercent ?? -1) - (sample(b)?.cpuPercent ?? -1),
    memory: (a, b) => (sample(a)?.memoryUsed ?? -1) - (sample(b)?.memoryUsed ?? -1),
    created: (a, b) => a.created - b.created,
  }
}

export interface ContainerColumnsContext {
  t: Translate
  locale: () => string
  engineColumn: boolean
  withStats: boolean
  orders: Record<string, Order>
  /** A container row's cell, drawn from the container as it is now (see liveCell). */
  live: (row: Row, render: (c: ListedContainer) => VNodeChild) => VNodeChild
  selectHeader: () => VNodeChild
  selectCell: (row: Row) => VNodeChild
  projectRow: (row: Extract<Row, { kind: 'project' }>) => VNodeChild
  href: (c: ListedContainer) => string
  engineOf: (c: ListedContainer) => { name: string; state?: Parameters<typeof engineCell>[1] }
  stats: () => Map<string, StatsSample>
  statusText: (c: ListedContainer) => string
  actions: (c: ListedContainer) => VNodeChild
}

export function containerColumns(x: ContainerColumnsContext): ListColumn<Row>[] {
  const { t } = x
  // Only a marker for the table (the column is sortable): rows are sorted by buildRows, within their project.
  const sortable = (key: string) => (a: Row, b: Row) =>
    a.kind === 'container' && b.kind === 'container' ? x.orders[key](a.container, b.container) : 0
  const columns: (ListColumn<Row> | false)[] = [
    { key: 'select', title: t('containers.selectAll'), width: 36, fixed: true, header: x.selectHeader, render: x.selectCell },
    {
      key: 'name',
      title: t('containers.col.name'),
      width: 150,
      grow: 1.4,
      fixed: true,
      compare: sortable('name'),
      render: (row) => (row.kind === 'project' ? x.projectRow(row) : x.live(row, (c) => nameLink(c, x.href(c), row.inProject))),
    },
    x.engineColumn && {
      key: 'engine',
      title: t('containers.col.engine'),
      width: 110,
      dropOrder: 3,
      compare: sortable('engine'),
      render: (row) =>
        x.live(row, (c) => {
          const engine = x.engineOf(c)
          return engineCell(engine.name, engine.state, t)
        }),
    },
    {
      key: 'image',
      title: t('containers.col.image'),
      width: 90,
      grow: 0.8,
      dropOrder: 2,
      compare: sortable('image'),
      render: (row) => x.live(row, (c) => cell(c.image)),
    },
    {
      key: 'state',
      title: t('containers.col.state'),
      width: 84,
      compare: sortable('state'),
      render: (row) => x.live(row, (c) => h(ContainerStateTag, { state: c.state })),
    },
    {
      key: 'status',
      title: t('containers.col.status'),
      width: 130,
      grow: 1.8,
      dropOrder: 4,
      compare: sortable('status'),
      render: (row) => x.live(row, (c) => cell(x.statusText(c))),
    },
    {
      key: 'ports',
      title: t('containers.col.ports'),
      width: 100,
      grow: 0.6,
      dropOrder: 6,
      compare: sortable('ports'),
      render: (row) => x.live(row, (c) => cell(formatPorts(c.ports).join(', '))),
    },
    x.withStats && {
      key: 'cpu',
      title: t('containers.col.cpu'),
      width: 64,
      align: 'right',
      dropOrder: 5,
      compare: sortable('cpu'),
      render: (row) => x.live(row, (c) => cpuCell(x.stats().get(keyOf(c)))),
    },
    x.withStats && {
      key: 'memory',
      title: t('containers.col.memory'),
      width: 80,
      align: 'right',
      // Before CPU: of the two, CPU says more about a container at a glance.
      dropOrder: 5.5,
      compare: sortable('memory'),
      render: (row) => x.live(row, (c) => memoryCell(x.stats().get(keyOf(c)))),
    },
    {
      key: 'created',
      title: t('containers.col.created'),
      width: 120,
      dropOrder: 7,
      compare: sortable('created'),
      render: (row) => x.live(row, (c) => createdCell(c, x.locale())),
    },
    { key: 'actions', title: t('containers.col.actions'), width: 136, fixed: true, render: (row) => x.live(row, x.actions) },
  ]
  return columns.filter((c): c is ListColumn<Row> => c !== false)
}

/** The usual action for a container in this state: the one its row offers first. */
export function primaryAction(state: string): ContainerAction {
  return state === 'paused' ? 'unpause' : state === 'running' || state === 'restarting' ? 'stop' : 'start'
}

/**
 * The row's buttons, each named with the container ("Stop web"): the usual action, a
 * terminal while it runs (an empty slot otherwise, so the icons line up), remove, and
 * "more" for the rest.
 */
export function containerActions(
  c: ListedContainer,
  t: Translate,
  busy: ContainerAction | undefined,
  on: { act: (action: ContainerAction) => void; terminal: () => void; more: (anchor: HTMLElement) => void },
): VNodeChild {
  const named = (action: ContainerAction): string => t('lists.rowAction', { action: t(`containers.action.${action}`), name: c.name })
  const button = (action: ContainerAction, icon: Component) =>
    iconButton(named(action), t(`containers.action.${action}`), icon, () => on.act(action), {
      danger: action === 'remove',
      disabled: busy !== undefined,
      busy: busy === action,
    })
  const primary = primaryAction(c.state)
  return h('span', { class: 'row-actions' }, [
    button(primary, ACTION_ICONS[primary]),
    c.state === 'running'
      ? iconButton(t('lists.openTerminal', { name: c.name }), t('terminal.openTerminal'), TerminalIcon, on.terminal)
      : h('span', { class: 'row-btn-slot' }),
    button('remove', ACTION_ICONS.remove),
    iconButton(
      t('lists.more', { name: c.name }),
      t('lists.more', { name: c.name }),
      MoreIcon,
      (e) => on.more(e.currentTarget as HTMLElement),
      {
        menu: true,
      },
    ),
  ])
}

/** The less common actions, in the row's "more" menu, each enabled when it applies. */
export function moreActions(c: ListedContainer, busy: ContainerAction | undefined): { action: ContainerAction; enabled: boolean }[] {
  const live = c.state === 'running' || c.state === 'paused' || c.state === 'restarting'
  const list: { action: ContainerAction; enabled: boolean }[] = [
    { action: primaryAction(c.state) === 'start' ? 'start' : 'stop', enabled: true },
    { action: 'restart', enabled: true },
    c.state === 'paused' ? { action: 'unpause', enabled: true } : { action: 'pause', enabled: c.state === 'running' },
    { action: 'kill', enabled: live },
    { action: 'remove', enabled: true },
  ]
  return list.map((item) => ({ ...item, enabled: item.enabled && busy === undefined }))
}
