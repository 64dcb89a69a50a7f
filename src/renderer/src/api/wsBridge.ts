/**
 * Browser-mode transport. One WebSocket to /api; calls are matched to replies by id.
 * If the socket drops (server restarted, laptop slept) it reconnects with back-off,
 * fails the calls in flight, and re-opens every live subscription — whose first
 * events then let stores re-list. When the server is back but has ended this page's
 * session, it says so (signedOut) and keeps trying: opening the token URL in another
 * tab gives the browser a new session cookie, and the next attempt uses it.
 */
import type { Envelope, ErrorData } from '@shared/errors'
import type { ServerMessage } from '@shared/protocol'
import { decodeFrame, encodeFrame, FRAME } from '@shared/terminal'
import type { Bridge, TransportState } from './bridge'

interface Sub {
  stream: string
  input: unknown
  engine?: string
  onEvent: (data: unknown) => void
  onEnd: (error?: ErrorData) => void
}

/** Whether the server still knows this page's session: it refuses a page without one (403). */
async function sessionAlive(): Promise<boolean> {
  const res = await fetch('/', { method: 'HEAD', cache: 'no-store' })
  return res.status !== 403
}

export function createWsBridge(
  url: string,
  WebSocketImpl: typeof WebSocket = WebSocket,
  isSessionAlive: () => Promise<boolean> = sessionAlive,
): Bridge {
  let socket: WebSocket | undefined
  let nextId = 1
  let backoff = 250
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>()
  const subs = new Map<number, Sub>()
  const stateListeners = new Set<(state: TransportState) => void>()
  const queue: (string | Uint8Array)[] = []

  function setState(state: TransportState): void {
    for (const l of stateListeners) l(state)
  }

  function send(message: object | Uint8Array): void {
    const data = message instanceof Uint8Array ? message : JSON.stringify(message)
    if (socket?.readyState === WebSocketImpl.OPEN) socket.send(data)
    else queue.push(data)
  }

  function open(): void {
    const ws = new WebSocketImpl(url)
    ws.binaryType = 'arraybuffer'
    socket = ws
    ws.onopen = () => {
      backoff = 250
      setState('open')
      for (const [id, sub] of subs) ws.send(JSON.stringify({ t: 'sub', id, stream: sub.stream, input: sub.input, engine: sub.engine }))
      for (const text of queue.splice(0)) ws.send(text)
    }
    ws.onmessage = (event: MessageEvent) => {
      if (event.data instanceof ArrayBuffer) {
        // Terminal output: raw bytes for one subscription.
        const frame = decodeFrame(new Uint8Array(event.data))
        if (frame?.kind === FRAME.output) subs.get(frame.id)?.onEvent(frame.payload)
        return
      }
      let message: ServerMessage
      try {
        message = JSON.parse(String(event.data)) as ServerMessage
      } catch {
        return
      }
      if (message.t === 'result') {
        const resolve = pending.get(message.id)
        pending.delete(message.id)
        resolve?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error })
      } else if (message.t === 'event') {
        subs.get(message.id)?.onEvent(message.data)
      } else if (message.t === 'events') {
        for (const [id, data] of message.events) subs.get(id)?.onEvent(data)
      } else if (message.t === 'end') {
        const sub = subs.get(message.id)
        subs.delete(message.id)
        sub?.onEnd(message.error)
      } else {
        console.error('wharf: server rejected a message:', message.error.message)
      }
    }
    ws.onclose = () => {
      if (socket !== ws) return
      setState('reconnecting')
      // A browser does not show why an upgrade was refused; asking for the page does.
      isSessionAlive().then(
        (alive) => {
          if (!alive && socket?.readyState !== WebSocketImpl.OPEN) setState('signedOut')
        },
        () => undefined,
      )
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'engine_unavailable', message: 'Lost the connection to the Wharf server' } })
      }
      pending.clear()
      setTimeout(open, backoff)
      backoff = Math.min(backoff * 2, 5000)
    }
  }
  open()

  return {
    call(method, input, engine) {
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        send({ t: 'call', id, method, input, engine })
      })
    },
    subscribe(stream, input, onEvent, onEnd, engine) {
      const id = nextId++
      subs.set(id, { stream, input, engine, onEvent, onEnd })
      send({ t: 'sub', id, stream, input, engine })
      return () => {
        if (subs.delete(id)) send({ t: 'unsub', id })
      }
    },
    signal(name, input) {
      if (name === 'terminals.input') {
        // Keystrokes travel as bytes: no JSON, no base64.
        const { id, data } = input as { id: number; data: Uint8Array }
        send(encodeFrame(FRAME.input, id, data))
      } else send({ t: 'signal', name, input })
    },
    onState(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
  }
}
