/**
 * Stand-ins for the parts of Electron the desktop path goes through, faithful where it
 * matters for proving that path without the Electron binary:
 *  - every IPC argument, result and event is copied with V8's serializer, which is what
 *    Electron's IPC uses (the structured clone algorithm): a value Electron could not
 *    send (a function, a class with private state, a symbol) throws here too, and bytes
 *    arrive as Uint8Array (a Buffer sent by main arrives as one in the renderer);
 *  - delivery is asynchronous, as across processes;
 *  - an invoke that main rejects fails as Electron reports it ("Error invoking remote
 *    method …"), and one with no handler says so;
 *  - the webContents emits `did-navigate` when a new document starts and `destroyed`
 *    when it goes, like Electron's.
 * It also records which streams the renderer has open, so a test can see a leak.
 */
import type { IpcMain, WebContents } from 'electron'
import { EventEmitter } from 'node:events'
import { deserialize, serialize } from 'node:v8'

type Handler = (event: IpcEvent, ...args: unknown[]) => unknown
export interface IpcEvent {
  sender: FakeWebContents
  senderFrame: object
}

/** Electron's structured clone: V8's serializer; Buffers arrive as plain Uint8Array. */
export function structuredCopy<T>(value: T): T {
  return asUint8Arrays(deserialize(serialize(value))) as T
}

function asUint8Arrays(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.length))
  if (Array.isArray(value)) return value.map(asUint8Arrays)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = asUint8Arrays(v)
  }
  return value
}

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>()

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

/** The stand-in as main's code types it: it has the members ipcTransport uses, not all of Electron's. */
export function asIpcMain(fake: FakeIpcMain): Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'> {
  return fake as unknown as Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'>
}

export function asWebContents(fake: FakeWebContents): WebContents {
  return fake as unknown as WebContents
}

/** One window's webContents: sends to whichever document (renderer) is current. */
export class FakeWebContents extends EventEmitter {
  readonly mainFrame = { name: 'main frame' }
  private destroyed = false
  private renderer: FakeIpcRenderer | undefined

  isDestroyed(): boolean {
    return this.destroyed
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    // Serialized at once, as Electron does: an uncloneable event fails in main, where it was sent.
    const copy = structuredCopy(args)
    const target = this.renderer
    setImmediate(() => target?.deliver(channel, copy))
  }

  /** A new document (load, reload, navigation) with its own preload and ipcRenderer. */
  newDocument(main: FakeIpcMain, frame: object = this.mainFrame): FakeIpcRenderer {
    this.renderer?.detach()
    this.emit('did-navigate')
    this.renderer = new FakeIpcRenderer(main, this, frame)
    return this.renderer
  }

  destroy(): void {
    if (this.destroyed) return
    this.renderer?.detach()
    this.renderer = undefined
    this.destroyed = true
    this.emit('destroyed')
  }
}

/** The renderer side of one document: what the preload's `require('electron').ipcRenderer` is. */
export class FakeIpcRenderer {
  private readonly listeners = new EventEmitter()
  private attached = true
  /** Stream subscriptions this document opened and has not closed (main may have ended them). */
  readonly openStreams = new Map<number, string>()

  constructor(
    private readonly main: FakeIpcMain,
    private readonly contents: FakeWebContents,
    private readonly frame: object,
  ) {}

  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.on(channel, listener)
    return this
  }

  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.removeListener(channel, listener)
    return this
  }

  send(channel: string, ...args: unknown[]): void {
    const copy = structuredCopy(args)
    setImmediate(() => {
      if (this.attached) this.main.emit(channel, this.event(), ...copy)
    })
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    let copy: unknown[]
    try {
      copy = structuredCopy(args)
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)))
    }
    this.track(channel, copy)
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        const handler = this.main.handlers.get(channel)
        if (!handler) {
          reject(new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`))
          return
        }
        Promise.resolve()
          .then(() => handler(this.event(), ...copy))
          .then((result) => {
            const reply = structuredCopy(result)
            // A refused subscription never opened.
            if (channel === 'wharf:sub' && (reply as { ok?: boolean } | null)?.ok === false) this.openStreams.delete(copy[0] as number)
            resolve(reply)
          })
          .catch((err: unknown) => reject(new Error(`Error invoking remote method '${channel}': ${String(err)}`)))
      })
    })
  }

  /** Main sent something to this document. */
  deliver(channel: string, args: unknown[]): void {
    if (!this.attached) return
    if (channel === 'wharf:end') this.openStreams.delete(args[0] as number)
    this.listeners.emit(channel, { sender: this }, ...args)
  }

  detach(): void {
    this.attached = false
    this.listeners.removeAllListeners()
  }

  private event(): IpcEvent {
    return { sender: this.contents, senderFrame: this.frame }
  }

  private track(channel: string, args: unknown[]): void {
    if (channel === 'wharf:sub') this.openStreams.set(args[0] as number, args[1] as string)
    if (channel === 'wharf:unsub') this.openStreams.delete(args[0] as number)
  }
}

/** Electron's contextBridge: what the preload exposes, copied as the bridge copies it (objects by value, functions kept). */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>()

  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`)
    this.exposed.set(key, bridgeCopy(api))
  }
}

function bridgeCopy(value: unknown): unknown {
  if (typeof value === 'function') return value
  if (Array.isArray(value)) return value.map(bridgeCopy)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bridgeCopy(v)]))
  return value
}
