/**
 * The page side of the desktop harness, installed before the app's scripts in every
 * document. `window.wharf` is built from the names the preload exposed and forwards
 * each call to that preload (which runs in Node, see desktopHarness.ts); events come
 * back through `__wharfDeliver`. It also stands in for what Chromium does with the
 * wharf-download: scheme inside Electron — `fetch` to it and a click on a download link
 * reach the same handler main registers with `protocol.handle`.
 *
 * This function is serialized into the page: it may use nothing from this module.
 */
export interface BridgeNames {
  methods: string[]
  streams: string[]
  signals: string[]
  scheme: string
}

export interface SchemeRequest {
  url: string
  method: string
  headers: Record<string, string>
  body?: Uint8Array
  /** A link was clicked: Electron's download manager would save the answer. */
  download?: boolean
}

export interface SchemeAnswer {
  status: number
  headers: Record<string, string>
  body: Uint8Array
}

type Delivery = [kind: 'event' | 'end', id: number, data: unknown]

interface HarnessWindow {
  __wharfPreload(
    doc: string,
    kind: 'method' | 'subscribe' | 'unsubscribe' | 'signal',
    name: string,
    input: unknown,
    id?: number,
    engine?: string,
  ): Promise<unknown>
  __wharfScheme(doc: string, request: SchemeRequest): Promise<SchemeAnswer>
  __wharfDeliver?: (doc: string, batch: Delivery[]) => void
}

export function installDesktopBridge(names: BridgeNames): void {
  if (window.top !== window) return
  const w = window as unknown as HarnessWindow & typeof window
  const doc = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  const subs = new Map<number, { onEvent: (data: unknown) => void; onEnd: (error: unknown) => void }>()
  let next = 0
  w.__wharfDeliver = (to, batch) => {
    if (to !== doc) return
    for (const [kind, id, data] of batch) {
      const sub = subs.get(id)
      if (!sub) continue
      if (kind === 'event') sub.onEvent(data)
      else {
        subs.delete(id)
        sub.onEnd(data)
      }
    }
  }
  const methods: Record<string, unknown> = {}
  const streams: Record<string, unknown> = {}
  const signals: Record<string, unknown> = {}
  // `engine`: passed on as the preload takes it, beside the input of an engine-scoped call.
  for (const name of names.methods)
    methods[name] = (input: unknown, engine?: string) => w.__wharfPreload(doc, 'method', name, input, undefined, engine)
  for (const name of names.streams)
    streams[name] = (input: unknown, onEvent: (data: unknown) => void, onEnd: (error: unknown) => void, engine?: string) => {
      const id = ++next
      subs.set(id, { onEvent, onEnd })
      void w.__wharfPreload(doc, 'subscribe', name, input, id, engine)
      return () => {
        if (subs.delete(id)) void w.__wharfPreload(doc, 'unsubscribe', name, null, id)
      }
    }
  for (const name of names.signals)
    signals[name] = (input: unknown) => {
      void w.__wharfPreload(doc, 'signal', name, input)
    }
  Object.defineProperty(window, 'wharf', {
    value: Object.freeze({ methods: Object.freeze(methods), streams: Object.freeze(streams), signals: Object.freeze(signals) }),
    enumerable: true,
  })

  const prefix = `${names.scheme}:`
  const pageFetch = window.fetch.bind(window)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.startsWith(prefix)) return pageFetch(input, init)
    const body = init?.body ? new Uint8Array(await new Response(init.body).arrayBuffer()) : undefined
    const headers = Object.fromEntries(new Headers(init?.headers).entries())
    const answer = await w.__wharfScheme(doc, { url, method: init?.method ?? 'GET', headers, body })
    return new Response(answer.status === 204 ? null : new Blob([answer.body as BlobPart]), {
      status: answer.status,
      headers: answer.headers,
    })
  }
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
      if (!link?.href.startsWith(prefix)) return
      event.preventDefault()
      void w.__wharfScheme(doc, { url: link.href, method: 'GET', headers: {}, download: true })
    },
    true,
  )
}
