import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A unix socket that forwards bytes to the real engine socket. Stopping it cuts every
 * connection at once, as a dying engine does; the engine behind it stays real. It can
 * also make chosen requests slow (see `hold`).
 */
export interface RelayOptions {
  /**
   * Hold each request whose bytes match `pattern` for `ms` before passing it on, as an
   * engine slow to answer that call does; the connection's later bytes wait behind it.
   */
  hold?: { pattern: RegExp; ms: number }
}

export class SocketRelay {
  readonly path: string
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()
  private readonly dir: string

  constructor(
    private readonly target: string,
    private readonly options: RelayOptions = {},
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'wharf-relay-'))
    this.path = join(this.dir, 'engine.sock')
  }

  start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target)
      this.sockets.add(client).add(upstream)
      upstream.pipe(client)
      const hold = this.options.hold
      if (hold) {
        let queue = Promise.resolve()
        client.on('data', (chunk: Buffer) => {
          const late = hold.pattern.test(chunk.toString('latin1'))
          queue = queue.then(async () => {
            if (late) await new Promise((resolve) => setTimeout(resolve, hold.ms))
            if (!upstream.destroyed) upstream.write(chunk)
          })
        })
      } else client.pipe(upstream)
      const drop = (): void => {
        client.destroy()
        upstream.destroy()
        this.sockets.delete(client)
        this.sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
    })
    return new Promise((resolve) => this.server!.listen(this.path, resolve))
  }

  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
