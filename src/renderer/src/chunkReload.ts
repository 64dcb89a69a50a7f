/**
 * A view's code is loaded when first opened. Chromium fails requests in flight when a
 * network interface comes or goes (ERR_NETWORK_CHANGED) — and a container starting or
 * stopping adds or removes one — so that load can fail through no fault of the page,
 * leaving the address changed and the view never shown. The page is then loaded again
 * at the address asked for, once: a second failure within a few seconds stays visible.
 */
import type { Router } from 'vue-router'
import { errorText } from '@shared/errorText'

const KEY = 'wharf:view-reload'
const WINDOW_MS = 10_000

export function isChunkLoadError(err: unknown): boolean {
  const message = errorText(err)
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    message,
  )
}

function reloadOnceAt(path: string): void {
  const last = Number(sessionStorage.getItem(KEY) ?? 0)
  if (Date.now() - last < WINDOW_MS) return
  sessionStorage.setItem(KEY, String(Date.now()))
  history.replaceState(history.state, '', `#${path}`)
  location.reload()
}

export function reloadWhenAViewFailsToLoad(router: Router): void {
  // A failed preload of the view's styles (Vite) ends the navigation here too, so the
  // address reloaded is always the one asked for, not the one being left.
  router.onError((err, to) => {
    if (isChunkLoadError(err)) reloadOnceAt(to.fullPath)
  })
}
