import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TransportState } from './bridge'
import { createWsBridge } from './wsBridge'

/** Just enough of a browser WebSocket: the test opens and drops it. */
class FakeSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 3
  static made: FakeSocket[] = []
  readyState = FakeSocket.CONNECTING
  binaryType = 'blob'
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.made.push(this)
  }

  send(): void {}
  close(): void {}

  accept(): void {
    this.readyState = FakeSocket.OPEN
    this.onopen?.()
  }

  drop(): void {
    this.readyState = FakeSocket.CLOSED
    this.onclose?.()
  }
}

afterEach(() => {
  vi.useRealTimers()
  FakeSocket.made = []
})

function bridgeWith(sessionAlive: () => Promise<boolean>): TransportState[] {
  vi.useFakeTimers()
  const states: TransportState[] = []
  const bridge = createWsBridge('ws://wharf.test/api', FakeSocket as unknown as typeof WebSocket, sessionAlive)
  bridge.onState((state) => states.push(state))
  return states
}

describe('createWsBridge', () => {
  it('says the session ended when the server answers but refuses the page, and recovers once it is back', async () => {
    let alive = false
    const states = bridgeWith(() => Promise.resolve(alive))
    FakeSocket.made[0].accept()
    FakeSocket.made[0].drop()
    await vi.advanceTimersByTimeAsync(0)
    expect(states).toEqual(['open', 'reconnecting', 'signedOut'])
    // The user opened the token URL elsewhere: the next attempt carries the new cookie.
    alive = true
    await vi.advanceTimersByTimeAsync(250)
    FakeSocket.made[1].accept()
    expect(states.at(-1)).toBe('open')
  })

  it('only reconnects when the server does not answer or still knows the session', async () => {
    const states = bridgeWith(() => Promise.reject(new Error('offline')))
    FakeSocket.made[0].accept()
    FakeSocket.made[0].drop()
    await vi.advanceTimersByTimeAsync(0)
    expect(states).toEqual(['open', 'reconnecting'])
  })
})
