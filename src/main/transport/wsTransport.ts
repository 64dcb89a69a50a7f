/**
 * Browser-mode transport: the contract over one WebSocket per page. Every client
 * message is validated; a malformed one gets a protocol-error reply and the socket
 * stays usable. Subscriptions die with the socket, so a closed tab leaves nothing
 * running in main.
 */
import type { WebSocket, WebSocketServer } from 'ws'
import { clientMessage, type ServerMessage } from '../../shared/protocol'
import { decodeFrame, encodeFrame, FRAME } from '../../shared/terminal'
import type { Api } from '../api/router'
import { toErrorData } from '../api/router'
import { EventPacer, PACED_STREAMS } from './eventPacer'

/**
 * A client this far behind is disconnected rather than fed more: dropping single events
 * would leave its lists wrong, while a reconnect makes it re-list everything.
 */
const MAX_BUFFERED = 8 * 1024 * 1024
/** Streams that can pause (logs, stats) hold back while more than this waits to be sent. */
const FLOW_BUFFERED = 8 * 1024 * 1024
const PING_INTERVAL_MS = 30_000
/**
 * Stream events at least this long (UTF-16 units, close enough to bytes for JSON) are
 * deflated; shorter ones cost more to deflate than they save (P7: a stats sample a second
 * per visible row). Kept here, not shared with the HTTP server, so browser mode's entry
 * and its lazily loaded API stack share no module.
 */
const DEFLATE_MIN_BYTES = 16 * 1024

export function serveApiOverWebSocket(wss: WebSocketServer, api: Api): () => void {
  const alive = new WeakMap<WebSocket, boolean>()
  wss.on('connection', (socket) => {
    alive.set(socket, true)
    socket.on('pong', () => alive.set(socket, true))
    attach(socket, api)
  })
  // Idle or half-open sockets (a laptop that slept, a killed tab) are dropped.
  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (alive.get(socket) === false) {
        socket.terminate()
        continue
      }
      alive.set(socket, false)
      socket.ping()
    }
  }, PING_INTERVAL_MS)
  return () => clearInterval(pinger)
}

function asBytes(raw: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(raw)) return raw
  return Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw)
}

function attach(socket: WebSocket, api: Api): void {
  const subscriptions = new Map<number, () => void>()
  const disconnected = api.clientConnected()
  const send = (message: ServerMessage): void => {
    if (socket.readyState !== socket.OPEN) return
    // Large stream events (a log pouring in) are deflated; call results are not: a
    // 1,000-row list answers faster uncompressed on a local socket (P1), while log text
    // crosses Chromium's WebSocket path several times faster deflated (P3). Small events
    // (a stats sample a second per visible row) are not worth a deflate each: that was
    // most of an idle server's CPU (P7).
    const text = JSON.stringify(message)
    socket.send(text, { compress: (message.t === 'event' || message.t === 'events') && text.length >= DEFLATE_MIN_BYTES })
  }

  const pacer = new EventPacer((events) => send({ t: 'events', events }))

  const sendBytes = (subscription: number, bytes: Uint8Array): void => {
    if (socket.readyState !== socket.OPEN) return
    // Not deflated: on a local socket the page, not the wire, limits a flood (P4), and
    // inflating would cost the page more CPU than the bytes saved.
    socket.send(encodeFrame(FRAME.output, subscription, bytes), { binary: true, compress: false })
  }

  socket.on('message', (raw, isBinary) => {
    if (isBinary) {
      const frame = decodeFrame(asBytes(raw))
      if (frame?.kind === FRAME.input) api.signal('terminals.input', { id: frame.id, data: frame.payload })
      else send({ t: 'protocol-error', error: { code: 'invalid_input', message: 'Unknown binary frame' } })
      return
    }
    let data: unknown
    try {
      data = JSON.parse(asBytes(raw).toString('utf8'))
    } catch (err) {
      send({ t: 'protocol-error', error: { code: 'invalid_input', message: `Unreadable message: ${(err as Error).message}` } })
      return
    }
    const parsed = clientMessage.safeParse(data)
    if (!parsed.success) {
      send({
        t: 'protocol-error',
        error: { code: 'invalid_input', message: 'Malformed message: expected {t: "call"|"sub"|"unsub"|"signal", …}' },
      })
      return
    }
    const message = parsed.data
    switch (message.t) {
      case 'call':
        void api.call(message.method, message.input, message.engine).then((envelope) => send({ t: 'result', id: message.id, ...envelope }))
        break
      case 'sub': {
        subscriptions.get(message.id)?.()
        try {
          let ended = false
          const paced = PACED_STREAMS.has(message.stream)
          const close = api.subscribe(
            message.stream,
            message.input,
            {
              emit: (event) => {
                if (socket.bufferedAmount > MAX_BUFFERED) socket.close(1013, 'Client too slow')
                else if (event instanceof Uint8Array) sendBytes(message.id, event)
                else if (paced) pacer.add(message.id, event)
                else send({ t: 'event', id: message.id, data: event })
              },
              end: (error) => {
                if (paced) pacer.flush()
                ended = true
                subscriptions.delete(message.id)
                send(error ? { t: 'end', id: message.id, error } : { t: 'end', id: message.id })
              },
              ready: () => socket.bufferedAmount < FLOW_BUFFERED,
            },
            message.engine,
          )
          if (!ended) subscriptions.set(message.id, close)
        } catch (err) {
          send({ t: 'end', id: message.id, error: toErrorData(err) })
        }
        break
      }
      case 'unsub':
        subscriptions.get(message.id)?.()
        subscriptions.delete(message.id)
        break
      case 'signal':
        api.signal(message.name, message.input)
        break
    }
  })

  socket.on('close', () => {
    pacer.dispose()
    for (const close of subscriptions.values()) close()
    subscriptions.clear()
    disconnected()
  })
  socket.on('error', () => socket.terminate())
}
