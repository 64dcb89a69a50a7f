/**
 * The desktop app without the Electron binary: what runs behind the window is the real
 * thing — `startDesktopApi` (the services, the IPC transport, the wharf-download:
 * handler main registers), fed by the BUILT preload (out/preload/index.js) loaded as
 * Electron's sandbox loads it, over IPC stand-ins that copy every value the way
 * Electron does (tests/support/desktop). The real renderer (out/renderer, from file://
 * as Electron loads it) runs in Chromium, and its `window.wharf` forwards to that
 * preload's exposed functions.
 *
 * What stands in for Electron itself: ipcMain/ipcRenderer/contextBridge (the copies),
 * the window's document lifecycle (a new document runs a new preload and main hears
 * `did-navigate`), the scheme dispatch and download manager (desktopBridge.ts), the
 * native open dialog (answered from `answerDialog`), the system browser (recorded in
 * `externalOpens`), and safeStorage (AES-GCM with a
 * key held in memory).
 */
import type { Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { TRANSFER_SCHEME } from '../../src/shared/contractNames'
import { startDesktopApi, type DesktopApi } from '../../src/main/desktopApi'
import { vaultSecrets } from '../../src/main/engine/engineSecrets'
import { encryptedVault } from '../../src/main/registry/encryptedVault'
import type { Vault } from '../../src/main/registry/credentials'
import { mainFrameOnly } from '../../src/main/transport/ipcTransport'
import {
  asIpcMain,
  asWebContents,
  FakeContextBridge,
  FakeIpcMain,
  FakeWebContents,
  type FakeIpcRenderer,
} from '../../tests/support/desktop/fakeElectron'
import { runSandboxedPreloadFile } from '../../tests/support/desktop/sandboxedPreload'
import { memorySecretBox } from '../../tests/support/memorySecretBox'
import { installDesktopBridge, type BridgeNames, type SchemeAnswer, type SchemeRequest } from './desktopBridge'

const OUT = join(__dirname, '../../out')

interface PreloadApi {
  // `engine`: the engine an engine-scoped call acts on, as the preload takes it.
  methods: Record<string, (input: unknown, engine?: string) => Promise<unknown>>
  streams: Record<
    string,
    (input: unknown, onEvent: (data: unknown) => void, onEnd: (error: unknown) => void, engine?: string) => () => void
  >
  signals: Record<string, (input: unknown) => void>
}

/** One document's preload, as Electron would run it for that page. */
interface Document {
  id: string
  api: PreloadApi
  ipc: FakeIpcRenderer
  closers: Map<number, () => void>
}

export interface SavedDownload {
  /** The file name the response suggested (Content-Disposition). */
  name: string
  path: string
  status: number
}

function filenameOf(disposition: string | null): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (utf8) return decodeURIComponent(utf8[1])
  return /filename="([^"]*)"/i.exec(disposition ?? '')?.[1] ?? 'download'
}

export class DesktopHarness {
  readonly userData = mkdtempSync(join(tmpdir(), 'wharf-desktop-data-'))
  readonly downloadsDir = mkdtempSync(join(tmpdir(), 'wharf-desktop-downloads-'))
  readonly downloads: SavedDownload[] = []
  private readonly ipcMain = new FakeIpcMain()
  /** The window's webContents: one per page, as each test opens the app's window afresh. */
  private contents = new FakeWebContents()
  private readonly dialogAnswers: Array<string | null> = []
  /** What main handed to the system browser (shell.openExternal), in order. */
  readonly externalOpens: string[] = []
  private readonly downloadWaiters: Array<(d: SavedDownload) => void> = []
  private readonly desktop: DesktopApi
  /** The registry-login vault, over a stand-in for safeStorage. */
  readonly vault: Vault
  private current: Document | undefined
  private page: Page | undefined
  private queue: Array<[string, 'event' | 'end', number, unknown]> = []
  private flushing = false

  constructor() {
    // No docker credential helper from the developer's own docker config: logins go to the vault.
    process.env.DOCKER_CONFIG = mkdtempSync(join(tmpdir(), 'wharf-desktop-docker-config-'))
    const box = memorySecretBox()
    this.vault = encryptedVault(box, () => this.userData, 'linux')
    this.desktop = startDesktopApi({
      ipcMain: asIpcMain(this.ipcMain),
      isTrustedSender: mainFrameOnly(() => asWebContents(this.contents)),
      vault: this.vault,
      engineSecrets: vaultSecrets(box, () => this.userData, 'linux'),
      pickPath: () => Promise.resolve({ path: this.dialogAnswers.shift() ?? null }),
      openExternal: (url) => {
        this.externalOpens.push(url)
        return Promise.resolve()
      },
    })
  }

  get app(): DesktopApi['app'] {
    return this.desktop.app
  }

  /** The next native open dialog will answer with `path` (null: the user cancelled). */
  answerDialog(path: string | null): void {
    this.dialogAnswers.push(path)
  }

  /** Streams main serves to the window now: more than the page has open is a leak. */
  servedStreams(): number {
    return this.desktop.openStreams()
  }

  /** Streams the current page's preload has open (subscribed, not closed, not ended by main). */
  openStreams(): string[] {
    return [...(this.current?.ipc.openStreams.values() ?? [])].sort()
  }

  /** Resolves with the next file the download manager saves. */
  nextDownload(): Promise<SavedDownload> {
    return new Promise((resolve) => this.downloadWaiters.push(resolve))
  }

  /** Serves `page` as the app's window: bindings to the preload, the bridge before any script. */
  async attach(page: Page): Promise<void> {
    this.contents.destroy()
    this.contents = new FakeWebContents()
    const contents = this.contents
    this.page = page
    // The renderer's names come from what the preload exposed, not from the contract.
    const probe = this.newDocument('probe')
    const names: BridgeNames = {
      methods: Object.keys(probe.api.methods),
      streams: Object.keys(probe.api.streams),
      signals: Object.keys(probe.api.signals),
      scheme: TRANSFER_SCHEME,
    }
    await page.exposeBinding(
      '__wharfPreload',
      (_source, doc: string, kind: string, name: string, input: unknown, id?: number, engine?: string) =>
        this.fromPage(doc, kind, name, input, id, engine),
    )
    await page.exposeBinding('__wharfScheme', (_source, _doc: string, request: SchemeRequest) => this.scheme(request))
    await page.addInitScript(installDesktopBridge, names)
    page.once('close', () => contents.destroy())
  }

  /** The URL Electron loads: the built renderer from file://, at `route`. */
  url(route = ''): string {
    // A query makes each load a fresh document even when only the route differs.
    return `${pathToFileURL(join(OUT, 'renderer/index.html')).href}?at=${Date.now()}${route ? `#${route}` : ''}`
  }

  async close(): Promise<void> {
    this.contents.destroy()
    await this.desktop.dispose()
    rmSync(this.userData, { recursive: true, force: true })
    rmSync(this.downloadsDir, { recursive: true, force: true })
  }

  private newDocument(id: string): Document {
    const ipc = this.contents.newDocument(this.ipcMain)
    const contextBridge = new FakeContextBridge()
    runSandboxedPreloadFile(join(OUT, 'preload/index.js'), { contextBridge, ipcRenderer: ipc })
    const api = contextBridge.exposed.get('wharf') as PreloadApi | undefined
    if (!api) throw new Error('The preload exposed no window.wharf')
    this.current = { id, api, ipc, closers: new Map() }
    return this.current
  }

  private fromPage(doc: string, kind: string, name: string, input: unknown, id?: number, engine?: string): unknown {
    // A document's first call: the page (re)loaded, Electron ran the preload again for it.
    const current = this.current?.id === doc ? this.current : this.newDocument(doc)
    const { api } = current
    if (kind === 'method') return api.methods[name](input, engine)
    if (kind === 'signal') return api.signals[name](input)
    if (kind === 'subscribe' && id !== undefined) {
      const close = api.streams[name](
        input,
        (data) => this.deliver(doc, 'event', id, data),
        (error) => {
          current.closers.delete(id)
          this.deliver(doc, 'end', id, error)
        },
        engine,
      )
      current.closers.set(id, close)
      return null
    }
    if (kind === 'unsubscribe' && id !== undefined) {
      current.closers.get(id)?.()
      current.closers.delete(id)
    }
    return null
  }

  /** Events to the page, in order, batched while one delivery is in flight. */
  private deliver(doc: string, kind: 'event' | 'end', id: number, data: unknown): void {
    this.queue.push([doc, kind, id, data])
    if (!this.flushing) void this.flush()
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.queue.length && this.page && !this.page.isClosed()) {
      // What was meant for an earlier document is dropped: Electron never delivers to a page that is gone.
      const doc = this.current?.id ?? ''
      const batch = this.queue.splice(0).filter((d) => d[0] === doc)
      if (!batch.length) continue
      const items = batch.map(([, kind, id, data]) => [kind, id, data])
      await this.page
        .evaluate(
          ([to, list]) => (window as unknown as { __wharfDeliver?: (d: string, b: unknown[]) => void }).__wharfDeliver?.(to, list),
          [doc, items] as const,
        )
        .catch(() => undefined) // the document went away mid-delivery
    }
    this.flushing = false
  }

  private async scheme(request: SchemeRequest): Promise<SchemeAnswer | null> {
    const response = await this.desktop.handleTransfer(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ? Buffer.from(request.body) : undefined,
      }),
    )
    const body = new Uint8Array(await response.arrayBuffer())
    if (!request.download) return { status: response.status, headers: Object.fromEntries(response.headers), body }
    const saved: SavedDownload = { name: filenameOf(response.headers.get('content-disposition')), path: '', status: response.status }
    if (response.ok) {
      saved.path = join(this.downloadsDir, `${this.downloads.length}-${saved.name}`)
      writeFileSync(saved.path, body)
    }
    this.downloads.push(saved)
    this.downloadWaiters.shift()?.(saved)
    return null
  }
}
