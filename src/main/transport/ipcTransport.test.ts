import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import type { Api } from '../api/router'
import { IPC_CHANNELS as IPC } from '../../shared/contractNames'
import { serveApiOverIpc } from './ipcTransport'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

/** ipcMain and webContents stand-ins: the adapter's own logic, without Electron. */
function setup() {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeAllListeners: (channel: string) => handlers.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'>
  const sent: unknown[][] = []
  const onDestroyed: (() => void)[] = []
  const onNavigated: (() => void)[] = []
  const sender = {
    send: (...args: unknown[]) => sent.push(args),
    isDestroyed: () => false,
    once: (_: string, fn: () => void) => onDestroyed.push(fn),
    on: (event: string, fn: () => void) => (event === 'did-navigate' ? onNavigated.push(fn) : undefined),
  }
  const trusted = { sender, senderFrame: 'main' } as unknown as IpcMainInvokeEvent
  const foreign = { sender, senderFrame: 'iframe' } as unknown as IpcMainInvokeEvent
  const open = new Set<number>()
  let emitter: (e: unknown) => void = () => undefined
  const signals: unknown[][] = []
  const clients = { count: 0 }
  const api: Api = {
    call: (method, input) => Promise.resolve({ ok: true, result: { method, input } }),
    subscribe: (_stream, _input, { emit }) => {
      const id = open.size + 1
      open.add(id)
      emitter = emit
      return () => open.delete(id)
    },
    signal: (name, input) => signals.push([name, input]),
    clientConnected: () => {
      clients.count++
      return () => clients.count--
    },
  }
  const service = serveApiOverIpc(ipcMain, api, (e) => (e.senderFrame as unknown as string) === 'main')
  const invoke = (event: IpcMainInvokeEvent, channel: string, ...args: unknown[]) => handlers.get(channel)?.(event, ...args)
  return {
    handlers,
    invoke,
    trusted,
    foreign,
    sent,
    open,
    signals,
    clients,
    emit: (e: unknown) => emitter(e),
    destroy: () => onDestroyed.splice(0).forEach((fn) => fn()),
    navigate: () => onNavigated.forEach((fn) => fn()),
    stop: () => service.stop(),
    served: () => service.openStreams(),
  }
}

describe('serveApiOverIpc', () => {
  it('answers calls from the app frame and refuses any other frame', async () => {
    const t = setup()
    expect(await t.invoke(t.trusted, IPC.call, 'containers.list', {})).toEqual({
      ok: true,
      result: { method: 'containers.list', input: {} },
    })
    expect(await t.invoke(t.foreign, IPC.call, 'containers.list', {})).toMatchObject({
      ok: false,
      error: { message: 'IPC from an untrusted frame' },
    })
    expect(t.invoke(t.foreign, IPC.subscribe, 1, 'engine.status', {})).toMatchObject({ ok: false })
    expect(t.open.size).toBe(0)
  })

  it('forwards stream events by id and closes streams on unsubscribe and when the page goes away', () => {
    const t = setup()
    t.invoke(t.trusted, IPC.subscribe, 7, 'engine.status', {})
    t.emit({ state: 'connected' })
    expect(t.sent).toEqual([[IPC.event, 7, { state: 'connected' }]])
    t.invoke(t.trusted, IPC.unsubscribe, 7)
    expect(t.open.size).toBe(0)
    t.invoke(t.trusted, IPC.subscribe, 8, 'engine.status', {})
    t.invoke(t.trusted, IPC.subscribe, 9, 'containers.changed', {})
    expect(t.open.size).toBe(2)
    t.destroy()
    expect(t.open.size).toBe(0)
  })

  it("closes the old page's streams when the window reloads or navigates, and keeps serving the new page", () => {
    const t = setup()
    t.invoke(t.trusted, IPC.subscribe, 1, 'engine.status', {})
    t.invoke(t.trusted, IPC.subscribe, 2, 'containers.changed', {})
    expect(t.open.size).toBe(2)
    t.navigate()
    expect(t.open.size).toBe(0)
    expect(t.served()).toBe(0)
    t.invoke(t.trusted, IPC.subscribe, 1, 'engine.status', {})
    expect(t.open.size).toBe(1)
    expect(t.served()).toBe(1)
    t.navigate()
    expect(t.open.size).toBe(0)
  })

  it('passes signals from the app frame only, and counts the window as a client until it goes away', () => {
    const t = setup()
    t.invoke(t.trusted, IPC.signal, 'terminals.resize', { id: 1, cols: 80, rows: 24 })
    t.invoke(t.foreign, IPC.signal, 'terminals.resize', { id: 1, cols: 1, rows: 1 })
    expect(t.signals).toEqual([['terminals.resize', { id: 1, cols: 80, rows: 24 }]])
    void t.invoke(t.trusted, IPC.call, 'containers.list', {})
    t.invoke(t.trusted, IPC.subscribe, 3, 'engine.status', {})
    expect(t.clients.count).toBe(1)
    t.destroy()
    expect(t.clients.count).toBe(0)
  })

  it('rejects a subscription id that is not a safe integer and removes its handlers when stopped', () => {
    const t = setup()
    expect(t.invoke(t.trusted, IPC.subscribe, 'x', 'engine.status', {})).toMatchObject({ ok: false })
    t.stop()
    expect(t.handlers.size).toBe(0)
  })
})
