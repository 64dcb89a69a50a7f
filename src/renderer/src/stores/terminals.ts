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

  const active = computed(() => sessions.value.find((s) => s.id === activeId.value) ?? null)

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      sessions.value = await api.call('terminals.list', {})
      if (!sessions.value.some((s) => s.id === activeId.value)) activeId.value = sessions.value.at(-1)?.id ?? null
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

  /** Opens a session and brings its tab to the front; the error (the engine's words) is thrown to the caller. */
  async function open(spec: OpenSpec): Promise<TerminalInfo> {
    const info = await start(spec)
    sessions.value = [...sessions.value.filter((s) => s.id !== info.id), info]
    activeId.value = info.id
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

  /** Opens the same thing again in place of an ended tab. */
  async function reopen(id: number): Promise<void> {
    const old = sessions.value.find((s) => s.id === id)
    if (!old) return
    const info = await start(specOf(old))
    await close(id)
    const at = sessions.value.findIndex((s) => s.createdAt > old.createdAt)
    const next = [...sessions.value]
    next.splice(at === -1 ? next.length : at, 0, info)
    sessions.value = next
    activeId.value = info.id
  }

  async function close(id: number): Promise<void> {
    const index = sessions.value.findIndex((s) => s.id === id)
    sessions.value = sessions.value.filter((s) => s.id !== id)
    if (activeId.value === id) activeId.value = (sessions.value[index] ?? sessions.value[index - 1])?.id ?? null
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
    if (activeId.value === id) activeId.value = sessions.value.at(-1)?.id ?? null
  }

  function resized(next: Omit<SignalInput<'terminals.resize'>, 'id'>): void {
    size.value = next
  }

  return { sessions, activeId, active, loading, error, size, refresh, open, reopen, close, setStatus, forget, resized, specOf }
})

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
