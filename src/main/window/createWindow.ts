/**
 * The one hardened window (DESIGN.md §4): isolated, sandboxed, no Node, a strict CSP,
 * no navigation, no new windows, no permissions; external links open only for https.
 * It comes back where the user left it (windowState.ts).
 */
import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { cspHeader } from '../../shared/csp'
import { externalUrl } from './externalLinks'
import { restorableBounds, trackWindowState, type Rectangle, type WindowState } from './windowState'

const DEFAULT_SIZE = { width: 1280, height: 820 }

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  // Reaches the dev server's pages; the built page loaded from file:// carries the same
  // policy in a <meta> (electron.vite.config.ts), as headers do not reach file://.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [cspHeader('desktop')] } })
  })
}

export interface MainWindowOptions {
  /** The state saved last time, if any. */
  state?: WindowState
  /** The work areas of the displays connected now. */
  workAreas: Rectangle[]
  icon?: string
  saveState: (state: WindowState) => void
}

export function createMainWindow({ state, workAreas, icon, saveState }: MainWindowOptions): BrowserWindow {
  const bounds = state && restorableBounds(state.bounds, workAreas)
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Wharf',
    icon,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => {
    // maximize() shows the window too; showing first would flash it at its normal size.
    if (state?.maximized) win.maximize()
    else win.show()
  })
  trackWindowState(win, saveState)
  win.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalUrl(url)
    if (external) void shell.openExternal(external)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}
