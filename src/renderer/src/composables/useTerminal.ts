/**
 * One xterm.js terminal bound to one session in main, for as long as the component that
 * shows it is mounted. Output arrives as bytes and is decoded here by a streaming UTF-8
 * decoder: a character split across chunks comes out whole, and invalid bytes become
 * U+FFFD (xterm's own decoder would drop them silently). Every chunk is acknowledged
 * once xterm has parsed it, which is what lets main pause a flood at its source. Leaving only unsubscribes: the session goes on in main and replays when shown
 * again.
 */
import { useSettingsStore } from '../stores/settings'
import { FitAddon } from '@xterm/addon-fit'
import { SearchAddon } from '@xterm/addon-search'
import { WebLinksAddon } from '@xterm/addon-web-links'
import { Terminal } from '@xterm/xterm'
import type { TerminalInfo, TerminalStatus } from '@shared/terminal'
import type { WharfError } from '@shared/errors'
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { useApi } from '../api'
import { binaryInput, inputChunks } from '@shared/terminalInput'
import { openWebLink } from './terminalLinks'

export interface TerminalCallbacks {
  status(status: TerminalStatus): void
  /** Main no longer has the session (closed elsewhere, main restarted). */
  gone(error: WharfError): void
  resized(size: { cols: number; rows: number }): void
  /** Ctrl+Shift+F. */
  find(): void
}

const THEME = {
  background: '#16181d',
  foreground: '#d8dde6',
  cursor: '#f0c674',
  selectionBackground: '#3e4f6b',
}

const SEARCH_DECORATIONS = {
  matchBackground: '#5a4a12',
  matchOverviewRuler: '#c9a227',
  activeMatchBackground: '#b5801e',
  activeMatchColorOverviewRuler: '#ff9f1a',
}

export function useTerminal(host: Ref<HTMLElement | undefined>, session: TerminalInfo, callbacks: TerminalCallbacks) {
  const api = useApi()
  const viewer = `v${crypto.getRandomValues(new Uint32Array(2)).join('')}`
  const matches = ref<{ index: number; count: number } | null>(null)

  const preferences = useSettingsStore().preferences
  const term = new Terminal({
    scrollback: preferences.terminalScrollback,
    cursorBlink: !session.readOnly,
    disableStdin: session.readOnly,
    // Without a TTY nothing turns \n into \r\n; xterm must.
    convertEol: session.readOnly,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: preferences.terminalFontSize,
    theme: THEME,
    allowProposedApi: true,
    // OSC 8 hyperlinks: web pages only, like plain-text links below.
    linkHandler: { activate: (_event, uri) => openWebLink(uri), allowNonHttpProtocols: false },
  })
  const fit = new FitAddon()
  const search = new SearchAddon()
  term.loadAddon(fit)
  term.loadAddon(search)
  term.loadAddon(new WebLinksAddon((_event, uri) => openWebLink(uri)))
  search.onDidChangeResults(({ resultIndex, resultCount }) => {
    matches.value = { index: resultIndex, count: resultCount }
  })

  const send = (bytes: Uint8Array): void => api.signal('terminals.input', { id: session.id, data: bytes })
  term.onData((text) => {
    for (const chunk of inputChunks(text)) send(chunk)
  })
  term.onBinary((data) => send(binaryInput(data)))
  term.onResize(({ cols, rows }) => {
    api.signal('terminals.resize', { id: session.id, cols, rows })
    callbacks.resized({ cols, rows })
  })

  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true
    const key = event.key.toLowerCase()
    if (key === 'c') void copy()
    else if (key === 'v') void paste()
    else if (key === 'f') callbacks.find()
    else return true
    event.preventDefault()
    return false
  })

  let decoder = new TextDecoder()
  let unsubscribe = (): void => undefined
  let observer: ResizeObserver | undefined
  let frame = 0

  function refit(): void {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => {
      const el = host.value
      if (el && el.clientWidth > 0 && el.clientHeight > 0) fit.fit()
    })
  }

  onMounted(() => {
    const el = host.value
    if (!el) return
    term.open(el)
    fit.fit()
    // Main may have started the session at another size; make the TTY match what is shown.
    api.signal('terminals.resize', { id: session.id, cols: term.cols, rows: term.rows })
    callbacks.resized({ cols: term.cols, rows: term.rows })
    observer = new ResizeObserver(refit)
    observer.observe(el)
    unsubscribe = api.subscribe(
      'terminals.output',
      { id: session.id, viewer },
      (event) => {
        if (event instanceof Uint8Array) {
          const length = event.byteLength
          term.write(decoder.decode(event, { stream: true }), () => api.signal('terminals.ack', { id: session.id, viewer, bytes: length }))
        } else if (event.t === 'start') {
          term.reset()
          decoder = new TextDecoder()
        } else callbacks.status(event.status)
      },
      (error) => {
        if (error) callbacks.gone(error)
      },
    )
    if (!session.readOnly) term.focus()
  })

  onBeforeUnmount(() => {
    unsubscribe()
    observer?.disconnect()
    cancelAnimationFrame(frame)
    term.dispose()
  })

  async function copy(): Promise<boolean> {
    const text = term.getSelection()
    if (!text) return false
    await navigator.clipboard.writeText(text)
    return true
  }

  async function paste(): Promise<void> {
    if (session.readOnly) return
    const text = await navigator.clipboard.readText()
    // term.paste applies bracketed paste when the program asked for it.
    if (text) term.paste(text)
    term.focus()
  }

  function find(query: string, direction: 'next' | 'previous' = 'next', incremental = false): boolean {
    if (!query) {
      search.clearDecorations()
      matches.value = null
      return false
    }
    const options = { decorations: SEARCH_DECORATIONS, incremental: incremental && direction === 'next' }
    return direction === 'next' ? search.findNext(query, options) : search.findPrevious(query, options)
  }

  function clearSearch(): void {
    search.clearDecorations()
    matches.value = null
    term.focus()
  }

  return { term, matches, copy, paste, find, clearSearch, focus: () => term.focus() }
}
