/**
 * Keeps sockets that have not shown a credential from crowding out those that have.
 * Every accepted TCP connection starts untrusted: it has a short life (long enough for a
 * TLS handshake and one request) and, when too many untrusted ones are open, the oldest
 * are closed first. A request that authenticates makes its connection trusted; from then
 * on Node's keep-alive, header and idle timeouts govern it, and limits per purpose (API
 * sockets per session, concurrent transfers) replace one small global cap that anyone
 * able to open a TCP connection could fill.
 *
 * Connections are tracked on the server's raw 'connection' event so TLS handshakes in
 * progress count too; a request's socket (a TLSSocket under https) is matched back to its
 * TCP connection by the connection's addresses.
 */
import type { Server } from 'node:net'
import type { Socket } from 'node:net'

export interface GuardLimits {
  /** How long a connection may stay open without presenting a valid session or token. */
  untrustedLifetimeMs: number
  /** Beyond this many untrusted connections, a new one closes the oldest, if that one had its chance. */
  maxUntrusted: number
  /** Time a connection is given to send its request before crowding may close it. */
  graceMs: number
  /** Beyond this many (a file descriptor each), the oldest goes whatever its age. */
  hardMaxUntrusted: number
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { untrustedLifetimeMs: 4_000, maxUntrusted: 256, graceMs: 1_000, hardMaxUntrusted: 1_024 }

interface Pending {
  socket: Socket
  timer: NodeJS.Timeout
  since: number
}

function connectionKey(socket: Socket): string | undefined {
  const { remoteAddress, remotePort, localAddress, localPort } = socket
  if (remoteAddress === undefined || remotePort === undefined) return undefined
  return `${remoteAddress}:${remotePort}>${localAddress ?? ''}:${localPort ?? ''}`
}

export class ConnectionGuard {
  /** In arrival order, so the first entry is the oldest. */
  private readonly untrusted = new Map<string, Pending>()
  private evictedCount = 0
  private expiredCount = 0

  constructor(private readonly limits: GuardLimits = DEFAULT_GUARD_LIMITS) {}

  watch(server: Server): void {
    server.on('connection', (socket: Socket) => this.admit(socket))
  }

  /** The connection carrying this (authenticated) request keeps living; no-op when already trusted. */
  trust(socket: Socket): void {
    const key = connectionKey(socket)
    const pending = key === undefined ? undefined : this.untrusted.get(key)
    if (!pending || key === undefined) return
    clearTimeout(pending.timer)
    this.untrusted.delete(key)
  }

  stats(): { untrusted: number; evicted: number; expired: number } {
    return { untrusted: this.untrusted.size, evicted: this.evictedCount, expired: this.expiredCount }
  }

  /** Closes every connection that never authenticated (server shutdown). */
  dispose(): void {
    for (const { socket, timer } of this.untrusted.values()) {
      clearTimeout(timer)
      socket.destroy()
    }
    this.untrusted.clear()
  }

  private admit(socket: Socket): void {
    const key = connectionKey(socket)
    if (key === undefined) {
      // Already gone (reset before we saw it): nothing to track.
      socket.destroy()
      return
    }
    const now = Date.now()
    // Oldest first, but not before it had time to send a request: were fresh connections
    // evicted at once, an attacker reconnecting fast enough would evict a user's too.
    while (this.untrusted.size >= this.limits.maxUntrusted) {
      const [oldestKey, oldest] = this.untrusted.entries().next().value as [string, Pending]
      if (now - oldest.since < this.limits.graceMs && this.untrusted.size < this.limits.hardMaxUntrusted) break
      this.drop(oldestKey, oldest)
      this.evictedCount++
    }
    const timer = setTimeout(() => {
      const pending = this.untrusted.get(key)
      if (pending?.socket !== socket) return
      this.drop(key, pending)
      this.expiredCount++
    }, this.limits.untrustedLifetimeMs)
    timer.unref()
    this.untrusted.set(key, { socket, timer, since: now })
    socket.once('close', () => {
      const pending = this.untrusted.get(key)
      if (pending?.socket !== socket) return
      clearTimeout(pending.timer)
      this.untrusted.delete(key)
    })
  }

  private drop(key: string, pending: Pending): void {
    clearTimeout(pending.timer)
    this.untrusted.delete(key)
    pending.socket.destroy()
  }
}
