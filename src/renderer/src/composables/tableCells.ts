/**
 * Cells of the list tables (containers, images) as plain elements: they re-render on
 * every change, and Naive's components cost several times as much there (P2). Styles are
 * the `.wharf-table` rules in styles.css.
 */
import { NIcon } from 'naive-ui'
import { h, type Component } from 'vue'

export function checkbox(label: string, checked: boolean, onChange: (on: boolean) => void, indeterminate = false) {
  return h('input', {
    type: 'checkbox',
    class: 'row-check',
    'aria-label': label,
    checked,
    indeterminate,
    onChange: (e: Event) => onChange((e.target as HTMLInputElement).checked),
  })
}

/** One-line cell text; the full value shows on hover (a native title is far cheaper than a tooltip per cell). */
export function cell(text: string, extraClass = '') {
  return h('span', { class: ['cell', extraClass], title: text }, text)
}

export function rowButton(
  label: string,
  onClick: () => void,
  options: { danger?: boolean; disabled?: boolean; busy?: boolean; ariaLabel?: string } = {},
) {
  return h(
    'button',
    {
      type: 'button',
      class: ['row-btn', options.danger ? 'danger' : '', options.busy ? 'busy' : ''],
      disabled: options.disabled,
      'aria-busy': options.busy ? 'true' : undefined,
      'aria-label': options.ariaLabel,
      onClick,
    },
    label,
  )
}

/**
 * A row's icon button. `label` is its accessible name and says which row ("Stop web");
 * `title` is the shorter hover text ("Stop").
 */
export function iconButton(
  label: string,
  title: string,
  icon: Component,
  onClick: (e: MouseEvent) => void,
  options: { danger?: boolean; disabled?: boolean; busy?: boolean; menu?: boolean } = {},
) {
  return h(
    'button',
    {
      type: 'button',
      class: ['row-btn', 'icon', options.danger ? 'danger' : '', options.busy ? 'busy' : ''],
      disabled: options.disabled,
      'aria-busy': options.busy ? 'true' : undefined,
      'aria-haspopup': options.menu ? 'menu' : undefined,
      'aria-label': label,
      title,
      onClick,
    },
    h(NIcon, { component: icon, size: 16 }),
  )
}
