/**
 * The terminal tabs: which sessions main holds and which one is in front. Sessions live
 * in main (they survive this pane being left and the page being reloaded); this store
 * mirrors `terminals.list`. Each session says how it was opened, so an ended tab can be
 * opened again. xterm instances live in the useTerminal composable, not here.
 */
import type { SignalInput } from '@shared/contract'
import { WharfError } from '@shared/errors'
import type { TerminalInfo, TerminalStatus } from '@shared/terminal'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref } from 'vue'
import { useApi } from '../api'
import { readDocked, writeDocked } from './terminalDocks'
import { errorText } from '@shared/errorText'

/** What to open, on which engine (a host shell's DOCKER_HOST points at it). */
export type OpenSpec =
  | { kind: 'exec'; engine: string; container: string; command?: string[]; user?: string; workdir?: string; env?: string[] }
  | { kind: 'attach'; engine: string; container: string; detachKeys?: string }
  | { kind: 'host'; engine: string }

export const useTerminalsStore = defineStore('terminals', () => {
  const api = useApi()
  const sessions = ref<TerminalInfo[]>([])
  const activeId = ref<number | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** The size of the last terminal shown, so a new session starts at the size it will have. */
  const size = ref({ cols: 100, rows: 30 })

  /** Session id → the panel it is docked in (`engine/container`). */
  const docked = ref<Record<number, string>>(readDocked())
  /** The Terminal pane's tabs: every session not docked beside a container. */
  const tabs = computed(() => sessions.value.filter((s) => docked.value[s.id] === undefined))
  const active = computed(() => tabs.value.find((s) => s.id === activeId.value) ?? null)

  function setDocked(next: Record<number, string>): void {
    docked.value = next
    writeDocked(next)
  }

  /** The live or ended session docked beside this container, if any. */
  function dockedFor(engine: string, container: string): TerminalInfo | null {
    const key = dockKey(engine, container)
    return sessions.value.find((s) => docked.value[s.id] === key) ?? null
  }

  /** Moves a docked session to the Terminal pane's tabs, in front. */
  function popOut(id: number): void {
    const { [id]: _gone, ...rest } = docked.value
    setDocked(rest)
    activeId.value = id
  }

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      sessions.value = await api.call('terminals.list', {})
      const ids = new Set(sessions.value.map((s) => s.id))
      // Docks whose session main no longer has (main restarted, closed elsewhere) go.
      setDocked(Object.fromEntries(Object.entries(docked.value).filter(([id]) => ids.has(Number(id)))))
      if (!tabs.value.some((s) => s.id === activeId.value)) activeId.value = tabs.value.at(-1)?.id ?? null
      error.value = null
    } catch (err) {
      error.value = message(err)
    } finally {
      loading.value = false
    }
  }

  // After the browser-mode socket reconnects, main may have restarted: list again.
  const stopTransport = api.onTransportState((state) => {
    if (state === 'open') void refresh()
  })
  onScopeDispose(stopTransport)

  /**
   * Opens a session and brings its tab to the front, or with `dock` docks it beside its
   * container instead; the error (the engine's words) is thrown to the caller.
   */
  async function open(spec: OpenSpec, options: { dock?: boolean } = {}): Promise<TerminalInfo> {
    const info = await start(spec)
    if (options.dock && spec.kind !== 'host') setDocked({ ...docked.value, [info.id]: dockKey(spec.engine, spec.container) })
    sessions.value = [...sessions.value.filter((s) => s.id !== info.id), info]
    if (!options.dock) activeId.value = info.id
    return info
  }

  function start(spec: OpenSpec): Promise<TerminalInfo> {
    const { cols, rows } = size.value
    const on = api.engine(spec.engine)
    switch (spec.kind) {
      case 'exec': {
        const { kind: _kind, engine: _engine, ...options } = spec
        return on.call('terminals.exec', { ...options, cols, rows })
      }
      case 'attach': {
        const { kind: _kind, engine: _engine, ...options } = spec
        return on.call('terminals.attach', { ...options, cols, rows })
      }
      case 'host':
        return on.call('terminals.host', { cols, rows })
    }
  }

  function specOf(info: TerminalInfo): OpenSpec {
    const engine = info.engine
    if (info.kind === 'host') return { kind: 'host', engine }
    const container = info.container?.id ?? ''
    return info.kind === 'attach'
      ? { kind: 'attach', engine, container, detachKeys: info.detachKeys }
      : { kind: 'exec', engine, container, ...info.exec }
  }

  /** Opens the same thing again in place of an ended tab (or in the same panel, when docked). */
  async function reopen(id: number): Promise<void> {
    const old = sessions.value.find((s) => s.id === id)
    if (!old) return
    const info = await start(specOf(old))
    const dock = docked.value[id]
    await close(id)
    if (dock !== undefined) setDocked({ ...docked.value, [info.id]: dock })
    const at = sessions.value.findIndex((s) => s.createdAt > old.createdAt)
    const next = [...sessions.value]
    next.splice(at === -1 ? next.length : at, 0, info)
    sessions.value = next
    if (dock === undefined) activeId.value = info.id
  }

  async function close(id: number): Promise<void> {
    const index = tabs.value.findIndex((s) => s.id === id)
    sessions.value = sessions.value.filter((s) => s.id !== id)
    undock(id)
    if (activeId.value === id) activeId.value = (tabs.value[index] ?? tabs.value[index - 1])?.id ?? null
    try {
      await api.call('terminals.close', { id })
    } catch (err) {
      // Already gone in main (closed elsewhere, or main restarted): nothing left to do.
      if (!(err instanceof WharfError && err.code === 'not_found')) error.value = message(err)
    }
  }

  function setStatus(id: number, status: TerminalStatus): void {
    sessions.value = sessions.value.map((s) => (s.id === id ? { ...s, status } : s))
  }

  /** A tab whose session main no longer has. */
  function forget(id: number): void {
    sessions.value = sessions.value.filter((s) => s.id !== id)
    undock(id)
    if (activeId.value === id) activeId.value = tabs.value.at(-1)?.id ?? null
  }

  function undock(id: number): void {
    if (docked.value[id] === undefined) return
    const { [id]: _gone, ...rest } = docked.value
    setDocked(rest)
  }

  function resized(next: Omit<SignalInput<'terminals.resize'>, 'id'>): void {
    size.value = next
  }

  return {
    sessions,
    tabs,
    docked,
    activeId,
    active,
    loading,
    error,
    size,
    refresh,
    open,
    reopen,
    close,
    setStatus,
    forget,
    resized,
    specOf,
    dockedFor,
    popOut,
  }
})

function dockKey(engine: string, container: string): string {
  return `${engine}/${container}`
}

function message(err: unknown): string {
  return errorText(err)
}
