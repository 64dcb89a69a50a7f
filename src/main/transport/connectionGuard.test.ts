import { connect, createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ConnectionGuard, type GuardLimits } from './connectionGuard'

let server: Server | undefined
const clients: Socket[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A TCP server on 127.0.0.1 watched by a guard; `accepted` lists the server's side of each connection, in order. */
async function guarded(limits: GuardLimits): Promise<{ guard: ConnectionGuard; port: number; accepted: Socket[] }> {
  const guard = new ConnectionGuard(limits)
  const accepted: Socket[] = []
  server = createServer((socket) => accepted.push(socket))
  guard.watch(server)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { guard, port: (server.address() as AddressInfo).port, accepted }
}

async function open(port: number, count: number, accepted: Socket[]): Promise<void> {
  const before = accepted.length
  for (let i = 0; i < count; i++) {
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => undefined)
    clients.push(socket)
  }
  await until(() => accepted.length === before + count)
}

async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('ConnectionGuard', () => {
  it('closes an untrusted connection at the end of its life, and not a trusted one', async () => {
    const { guard, port, accepted } = await guarded({ untrustedLifetimeMs: 150, maxUntrusted: 10, graceMs: 0, hardMaxUntrusted: 10 })
    await open(port, 2, accepted)
    guard.trust(accepted[1])
    await until(() => accepted[0].destroyed)
    expect(accepted[1].destroyed).toBe(false)
    expect(guard.stats()).toMatchObject({ untrusted: 0, expired: 1 })
  })

  it('closes the oldest untrusted connection first when too many are open', async () => {
    const { guard, port, accepted } = await guarded({ untrustedLifetimeMs: 60_000, maxUntrusted: 3, graceMs: 0, hardMaxUntrusted: 3 })
    await open(port, 3, accepted)
    guard.trust(accepted[0])
    await open(port, 2, accepted)
    // The trusted one stays; of the untrusted, the two oldest made room.
    expect(accepted.map((s) => s.destroyed)).toEqual([false, true, false, false, false])
    expect(guard.stats()).toMatchObject({ untrusted: 3, evicted: 1 })
  })

  it('gives a new connection its grace before crowding can close it, up to the hard ceiling', async () => {
    const { guard, port, accepted } = await guarded({ untrustedLifetimeMs: 60_000, maxUntrusted: 2, graceMs: 60_000, hardMaxUntrusted: 4 })
    await open(port, 4, accepted)
    expect(accepted.filter((s) => s.destroyed)).toHaveLength(0)
    await open(port, 1, accepted)
    expect(accepted.map((s) => s.destroyed)).toEqual([true, false, false, false, false])
    expect(guard.stats()).toMatchObject({ untrusted: 4, evicted: 1 })
    guard.dispose()
    expect(accepted.every((s) => s.destroyed)).toBe(true)
  })
})
