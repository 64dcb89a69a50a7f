import { connect, type Socket } from 'node:net'
import { request, type IncomingHttpHeaders } from 'node:http'

/**
 * The lock-out attack as any local process can make it: TCP connections to 127.0.0.1 that
 * present no token, some sending nothing, some half a request, reopened as soon as the
 * server closes them. Bounded in count and time; it stops by itself.
 */
export interface Flood {
  /** Resolves once every first connection is established. */
  opened: Promise<void>
  /** Connections open now, and made so far (reconnects included). */
  open(): number
  made(): number
  stop(): void
}

export function idleFlood(
  port: number,
  options: { silent: number; partial: number; reconnect: boolean; maxConnections: number; maxMs: number },
): Flood {
  const sockets = new Set<Socket>()
  let made = 0
  let stopped = false
  const stopAt = Date.now() + options.maxMs
  const timer = setTimeout(() => stop(), options.maxMs)
  const open = (partial: boolean): Promise<void> =>
    new Promise((resolve) => {
      made++
      const socket = connect(port, '127.0.0.1', () => {
        if (partial) socket.write('GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Still-Typing: ')
        resolve()
      })
      sockets.add(socket)
      socket.on('error', () => resolve())
      socket.on('close', () => {
        sockets.delete(socket)
        resolve()
        if (options.reconnect && !stopped && made < options.maxConnections && Date.now() < stopAt) void open(partial)
      })
    })
  const first = [...Array.from({ length: options.silent }, () => open(false)), ...Array.from({ length: options.partial }, () => open(true))]
  function stop(): void {
    stopped = true
    clearTimeout(timer)
    for (const socket of sockets) socket.destroy()
  }
  return { opened: Promise.all(first).then(() => undefined), open: () => sockets.size, made: () => made, stop }
}

/** A GET on a new connection of its own (no pooled keep-alive socket), failing after `timeoutMs`. */
export function freshGet(
  port: number,
  path: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { ...headers, connection: 'close' }, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      res.on('error', reject)
    })
    const deadline = setTimeout(() => req.destroy(new Error(`GET ${path}: no answer within ${timeoutMs} ms`)), timeoutMs)
    req.on('close', () => clearTimeout(deadline))
    req.on('error', reject)
    req.end()
  })
}
