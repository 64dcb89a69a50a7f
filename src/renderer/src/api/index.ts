import type { Bridge } from './bridge'
import { createClient, type Client } from './client'
import { createIpcBridge, type PreloadApi } from './ipcBridge'
import { createWsBridge } from './wsBridge'

/** Electron's preload sets window.wharf; a plain browser talks WebSocket to its origin. */
function pickBridge(): Bridge {
  const preload = (window as unknown as { wharf?: PreloadApi }).wharf
  if (preload) return createIpcBridge(preload)
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return createWsBridge(`${scheme}//${location.host}/api`)
}

let client: Client | undefined

export function useApi(): Client {
  client ??= createClient(pickBridge())
  return client
}

/** The desktop app (Electron's preload present), where native dialogs exist. */
export function isDesktop(): boolean {
  return Boolean((window as unknown as { wharf?: PreloadApi }).wharf)
}
