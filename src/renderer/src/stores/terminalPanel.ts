/**
 * The terminal panel beside a container's page: whether it is open and how big, for this
 * window. Kept in a store so switching the page's tabs or leaving the page keeps it, and in
 * sessionStorage so a reload does too; the last size chosen in any window is also kept in
 * localStorage, as the size a new window starts with.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export interface PanelLayout {
  open: boolean
  /** Width in px when docked on the right. */
  width: number
  /** Height in px when docked at the bottom (narrow windows). */
  height: number
}

const KEY = 'wharf.terminalPanel'
export const PANEL_DEFAULTS: PanelLayout = { open: false, width: 560, height: 260 }
export const PANEL_LIMITS = { width: { min: 320, max: 1400 }, height: { min: 160, max: 900 } }

export function readLayout(session: Pick<Storage, 'getItem'>, local: Pick<Storage, 'getItem'>): PanelLayout {
  const saved = parse(session.getItem(KEY)) ?? { ...parse(local.getItem(KEY)), open: false }
  return {
    open: saved.open === true,
    width: clamp(saved.width, PANEL_LIMITS.width, PANEL_DEFAULTS.width),
    height: clamp(saved.height, PANEL_LIMITS.height, PANEL_DEFAULTS.height),
  }
}

function parse(text: string | null): Partial<PanelLayout> | null {
  try {
    const value: unknown = JSON.parse(text ?? 'null')
    return value && typeof value === 'object' ? value : null
  } catch {
    return null
  }
}

export function clamp(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(Math.min(limits.max, Math.max(limits.min, value))) : fallback
}

export const useTerminalPanelStore = defineStore('terminalPanel', () => {
  const initial = readLayout(sessionStorage, localStorage)
  const open = ref(initial.open)
  const width = ref(initial.width)
  const height = ref(initial.height)

  watch([open, width, height], () => {
    const layout: PanelLayout = { open: open.value, width: width.value, height: height.value }
    sessionStorage.setItem(KEY, JSON.stringify(layout))
    localStorage.setItem(KEY, JSON.stringify({ width: layout.width, height: layout.height }))
  })

  return { open, width, height }
})
