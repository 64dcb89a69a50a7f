/**
 * The desktop window's bridge as Electron loads it: the BUILT preload (out/preload),
 * run in a sandbox-faithful context, over IPC that copies like Electron's, to the real
 * IPC transport. Needs `npm run build:app` first (npm test builds before it runs this).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES, SIGNAL_NAMES, STREAM_NAMES } from '../../src/shared/contractNames'
import { methodNames, signalNames, streamNames } from '../../src/shared/contract'
import type { Api } from '../../src/main/api/router'
import { mainFrameOnly, serveApiOverIpc } from '../../src/main/transport/ipcTransport'
import { asIpcMain, asWebContents, FakeContextBridge, FakeIpcMain, FakeWebContents } from '../support/desktop/fakeElectron'
import { runSandboxedPreload, runSandboxedPreloadFile, SANDBOX_MODULES } from '../support/desktop/sandboxedPreload'

const PRELOAD = join(__dirname, '../../out/preload/index.js')

interface Bridge {
  methods: Record<string, (input: unknown) => Promise<unknown>>
  streams: Record<string, (input: unknown, onEvent: (e: unknown) => void, onEnd: (e: unknown) => void) => () => void>
  signals: Record<string, (input: unknown) => void>
}

/** The built preload in a fresh document of a fake window; returns what it exposed. */
function load(main: FakeIpcMain, contents = new FakeWebContents()) {
  const ipcRenderer = contents.newDocument(main)
  const contextBridge = new FakeContextBridge()
  runSandboxedPreloadFile(PRELOAD, { contextBridge, ipcRenderer })
  return { bridge: contextBridge.exposed.get('wharf') as Bridge, contextBridge, ipcRenderer, contents }
}

beforeAll(() => {
  if (!existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: run \`npm run build:app\` before these tests`)
})

describe('the built preload in the sandbox', () => {
  it('requires nothing a sandboxed preload cannot load', () => {
    const required = [...readFileSync(PRELOAD, 'utf8').matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required.length).toBeGreaterThan(0)
    for (const name of required) expect(SANDBOX_MODULES as readonly string[]).toContain(name)
  })

  it('exposes one function per contract method, stream and signal under window.wharf, and nothing else', () => {
    const { contextBridge, bridge } = load(new FakeIpcMain())
    expect([...contextBridge.exposed.keys()]).toEqual(['wharf'])
    expect(Object.keys(bridge).sort()).toEqual(['methods', 'signals', 'streams'])
    expect(Object.keys(bridge.methods).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(bridge.streams).sort()).toEqual([...streamNames].sort())
    expect(Object.keys(bridge.signals).sort()).toEqual([...signalNames].sort())
    for (const group of [bridge.methods, bridge.streams, bridge.signals])
      for (const fn of Object.values(group)) expect(typeof fn).toBe('function')
    // The names the preload is built from are the contract's, in both directions.
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort())
    expect([...STREAM_NAMES].sort()).toEqual([...streamNames].sort())
    expect([...SIGNAL_NAMES].sort()).toEqual([...signalNames].sort())
  })

  it('refuses, as the sandbox does, a preload that requires anything else or reaches for Node globals', () => {
    const electron = { contextBridge: new FakeContextBridge(), ipcRenderer: {} }
    expect(() => runSandboxedPreload('require("zod")', electron)).toThrow('module not found: zod')
    expect(() => runSandboxedPreload('require("fs")', electron)).toThrow('module not found: fs')
    expect(() => runSandboxedPreload('__dirname.length', electron)).toThrow(/__dirname is not defined/)
    expect(() => runSandboxedPreload('require("events"); require("node:timers")', electron)).not.toThrow()
  })
})

describe('the preload over IPC to the real transport', () => {
  let main: FakeIpcMain
  let contents: FakeWebContents
  let result: unknown = { state: 'connected' }
  const open = new Set<number>()
  let stop: () => void
  let served: () => number

  beforeAll(() => {
    main = new FakeIpcMain()
    contents = new FakeWebContents()
    let next = 0
    const api: Api = {
      call: (method, input) => Promise.resolve({ ok: true, result: typeof result === 'function' ? result : { method, input, result } }),
      subscribe: (_stream, _input, { emit }) => {
        const id = ++next
        open.add(id)
        emit({ bytes: Buffer.from('héllo') })
        return () => open.delete(id)
      },
      signal: () => undefined,
      clientConnected: () => () => undefined,
    }
    const service = serveApiOverIpc(
      asIpcMain(main),
      api,
      mainFrameOnly(() => asWebContents(contents)),
    )
    stop = () => service.stop()
    served = () => service.openStreams()
  })
  afterAll(() => stop())

  it('answers calls, and carries bytes as Uint8Array', async () => {
    const { bridge } = load(main, contents)
    result = 'fine'
    expect(await bridge.methods['containers.list']({})).toEqual({
      ok: true,
      result: { method: 'containers.list', input: {}, result: 'fine' },
    })
    let close = (): void => undefined
    const event = await new Promise<{ bytes: unknown }>((resolve) => {
      close = bridge.streams['engine.status'](
        {},
        (e) => resolve(e as { bytes: unknown }),
        () => undefined,
      )
    })
    close()
    expect(event.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(event.bytes)).toBe(false)
    expect(new TextDecoder().decode(event.bytes as Uint8Array)).toBe('héllo')
  })

  it('fails a call whose result cannot be structured-cloned, as Electron does', async () => {
    const { bridge } = load(main, contents)
    result = () => 'a function cannot cross IPC'
    await expect(bridge.methods['containers.list']({})).rejects.toThrow(/could not be cloned/)
    result = 'fine'
  })

  it('closes streams when the view unsubscribes, and when the page reloads', async () => {
    const { bridge, ipcRenderer } = load(main, contents)
    const closers = ['engine.status', 'containers.changed'].map((s) =>
      bridge.streams[s](
        {},
        () => undefined,
        () => undefined,
      ),
    )
    await new Promise((r) => setTimeout(r, 20))
    expect(open.size).toBe(2)
    expect(served()).toBe(2)
    expect([...ipcRenderer.openStreams.values()].sort()).toEqual(['containers.changed', 'engine.status'])
    closers[0]()
    await new Promise((r) => setTimeout(r, 20))
    expect(open.size).toBe(1)
    expect([...ipcRenderer.openStreams.values()]).toEqual(['containers.changed'])
    // A reload: a new document, its own preload; the old page's stream is closed in main.
    load(main, contents)
    expect(open.size).toBe(0)
    expect(served()).toBe(0)
  })

  it('answers only the main frame of the app window', async () => {
    const other = new FakeWebContents()
    const { bridge } = load(main, other)
    expect(await bridge.methods['containers.list']({})).toMatchObject({ ok: false, error: { message: 'IPC from an untrusted frame' } })
  })
})
