/**
 * P9: several engines at once. Browser mode as a user starts it, on the bench dockerd
 * with its 1,000 containers; four more engines added over Wharf's own API (the page's
 * calls), each a connection of its own to the same dockerd, so each lists 1,000.
 * - memory: the server's resident set with one engine, then with five connected and idle
 *   (no page looks at the four), per extra engine;
 * - switching: in Chromium, the engine switcher set to an engine the page has not shown
 *   yet, until that engine's pane shows its rows (checked every frame); beside it, the raw
 *   GET /containers/json.
 */
import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
import { launchChromium, startServer } from './browserServer'
import { sessionCookie } from './images'
import { median, rawGetJson } from './support'

export interface P9Result {
  engines: number
  containers: number
  rssOneMb: number
  rssAllMb: number
  perEngineMb: number
  switchP50: number
  switchMax: number
  switches: number
  rawListMs: number
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
  return line ? Number(line[1]) / 1024 : 0
}

/** The median of a few samples over a couple of seconds: RSS moves with each GC. */
async function settledRss(pid: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 9; i++) {
    await new Promise((r) => setTimeout(r, 300))
    samples.push(rssMb(pid))
  }
  return median(samples)
}

interface Entry {
  id: string
  status: { state: string }
}

/** One session and one socket for all the bench's own calls (each token use is a session, and they are bounded). */
async function appClient(url: string): Promise<{ call: <T>(method: string, input: unknown) => Promise<T>; close: () => void }> {
  const origin = new URL(url).origin
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, { headers: { cookie: await sessionCookie(url), origin } })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let nextId = 1
  const call = <T>(method: string, input: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++
      const onMessage = (raw: Buffer, binary: boolean): void => {
        if (binary) return
        const m = JSON.parse(raw.toString()) as { t: string; id: number; ok: boolean; result: T; error: { message: string } }
        if (m.t !== 'result' || m.id !== id) return
        ws.off('message', onMessage)
        if (m.ok) resolve(m.result)
        else reject(new Error(`${method}: ${m.error.message}`))
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ t: 'call', id, method, input }))
    })
  return { call, close: () => ws.close() }
}

type Call = Awaited<ReturnType<typeof appClient>>['call']

async function allConnected(call: Call, count: number): Promise<void> {
  for (const deadline = Date.now() + 30_000; ;) {
    const list = await call<Entry[]>('engines.list', {})
    if (list.length === count && list.every((e) => e.status.state === 'connected')) return
    if (Date.now() > deadline) throw new Error(`engines did not all connect: ${JSON.stringify(list.map((e) => e.status.state))}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export async function benchEngines(socketPath: string, dockerHost: string, extra = 4): Promise<P9Result> {
  const raw: number[] = []
  let containers = 0
  for (let i = 0; i < 10; i++) {
    const started = performance.now()
    containers = ((await rawGetJson(socketPath, '/containers/json?all=1')) as unknown[]).length
    raw.push(performance.now() - started)
  }
  const browser = await launchChromium()
  const server = await startServer(dockerHost)
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(server.url)
    await page.locator('.list-table .tr').first().waitFor({ state: 'visible', timeout: 30_000 })
    const app = await appClient(server.url)
    await allConnected(app.call, 1)
    const rssOneMb = await settledRss(server.pid)
    const ids: string[] = []
    for (let i = 0; i < extra; i++) {
      const added = await app.call<Entry>('engines.add', { name: `Bench ${i + 2}`, endpoint: { kind: 'unix', path: socketPath } })
      ids.push(added.id)
    }
    await allConnected(app.call, extra + 1)
    app.close()
    const rssAllMb = await settledRss(server.pid)
    const switches: number[] = []
    // Two rounds, each in a new document (the query differs), so every switch goes to an
    // engine the page has not shown yet.
    for (let round = 0; round < 2; round++) {
      await page.goto(server.url.replace(/\?.*$/, `?round=${round}#/e/local/containers`))
      await page.locator('.list-table .tr').first().waitFor({ state: 'visible', timeout: 30_000 })
      for (const id of ids) {
        const t0 = await page.evaluate(() => performance.now())
        await page.getByLabel('Engine', { exact: true }).selectOption(id)
        // Until the pane of that engine (its frame names it) shows its first rows; whether
        // the page had its list already (a live count) or asks for it now.
        const handle = await page.waitForFunction(
          ({ since, engine }) =>
            (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document.querySelector(
              `[data-engine="${engine}"] .list-table .tr`,
            )
              ? performance.now() - since
              : 0,
          { since: t0, engine: id },
          { timeout: 30_000 },
        )
        switches.push(await handle.jsonValue())
        const rows = await page.locator('.list-table .tr').count()
        if (rows === 0) throw new Error(`engine ${id} showed no rows`)
      }
    }
    return {
      engines: extra + 1,
      containers,
      rssOneMb,
      rssAllMb,
      perEngineMb: (rssAllMb - rssOneMb) / extra,
      switchP50: median(switches),
      switchMax: Math.max(...switches),
      switches: switches.length,
      rawListMs: median(raw),
    }
  } finally {
    server.stop()
    await browser.close()
  }
}
