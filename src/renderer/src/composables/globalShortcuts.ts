/**
 * The app-wide keys (A3): Ctrl/⌘-K opens the palette anywhere but in a terminal (whose
 * shell owns Ctrl-K); `?` shows the shortcuts sheet and `g` then a letter goes to a
 * pane, only while the cursor is not in a text field or a dialog, so typing is never
 * taken over.
 */
import { onScopeDispose } from 'vue'

export type GoTarget = 'containers' | 'images' | 'volumes' | 'networks' | 'terminal' | 'engine' | 'engines' | 'settings' | 'allContainers'

/** The letter after `g`, shown in the shortcuts sheet in this order. */
export const GO_KEYS: Array<[string, GoTarget]> = [
  ['c', 'containers'],
  ['i', 'images'],
  ['v', 'volumes'],
  ['n', 'networks'],
  ['t', 'terminal'],
  ['e', 'engine'],
  ['a', 'allContainers'],
  ['m', 'engines'],
  ['s', 'settings'],
]

/** How long after `g` the letter still counts. */
const SEQUENCE_MS = 1500

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  return false
}

const inTerminal = (target: EventTarget | null): boolean => target instanceof Element && !!target.closest('.xterm')
const inDialog = (target: EventTarget | null): boolean =>
  target instanceof Element && !!target.closest('[role="dialog"], [aria-modal="true"]')

export interface ShortcutHandlers {
  palette: () => void
  sheet: () => void
  go: (target: GoTarget) => void
}

export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  let gAt = 0
  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return
    const target = event.target
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      if (inTerminal(target)) return
      event.preventDefault()
      handlers.palette()
      return
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (isTextEntry(target) || inTerminal(target) || inDialog(target)) return
    if (event.key === '?') {
      event.preventDefault()
      handlers.sheet()
      return
    }
    const now = performance.now()
    if (gAt && now - gAt < SEQUENCE_MS) {
      gAt = 0
      const go = GO_KEYS.find(([key]) => key === event.key)
      if (go) {
        event.preventDefault()
        handlers.go(go[1])
      }
      return
    }
    if (event.key === 'g') gAt = now
  }
  window.addEventListener('keydown', onKey)
  onScopeDispose(() => window.removeEventListener('keydown', onKey))
}
