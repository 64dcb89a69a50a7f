/**
 * P2: a container state change reaches the UI ≤ 200 ms (p95) after the engine emits
 * the event. 50 containers are paused and unpaused in bursts by a second client; the
 * page records when each row shows the new state, the engine's event carries when it
 * was emitted (same host clock). Baseline: when a raw /events client receives it.
 */
import type Dockerode from 'dockerode'
import { request } from 'node:http'
import { launchChromium, openApp, startServer } from './browserServer'
import { inBatches, percentile } from './support'

const LABEL = 'wharf.bench-p2'
const COUNT = 50

export interface P2Result {
  samples: number
  uiP50: number
  uiP95: number
  rawP50: number
  rawP95: number
}

interface EngineEvent {
  Action: string
  Actor: { Attributes: { name: string } }
  timeNano: number
}

function followEvents(socketPath: string, onEvent: (e: EngineEvent, receivedAt: number) => void): () => void {
  const filters = encodeURIComponent(JSON.stringify({ type: ['container'], label: [LABEL] }))
  const req = request({ socketPath, path: `/events?filters=${filters}`, method: 'GET' }, (res) => {
    let buffered = ''
    res.on('data', (chunk: Buffer) => {
      const at = performance.timeOrigin + performance.now()
      buffered += chunk.toString('utf8')
      let nl = buffered.indexOf('\n')
      while (nl >= 0) {
        const line = buffered.slice(0, nl).trim()
        buffered = buffered.slice(nl + 1)
        if (line) onEvent(JSON.parse(line) as EngineEvent, at)
        nl = buffered.indexOf('\n')
      }
    })
  })
  req.on('error', () => undefined)
  req.end()
  return () => req.destroy()
}

export async function benchEvents(docker: Dockerode, socketPath: string, dockerHost: string): Promise<P2Result> {
  const names = Array.from({ length: COUNT }, (_, i) => `wharf-p2-${Date.now().toString(36)}-${i}`)
  const containers = names.map((name) => docker.getContainer(name))
  await inBatches(names, 8, async (name) => {
    const c = await docker.createContainer({ Image: 'wharf-test/busybox:latest', name, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' } })
    await c.start()
  })
  const emitted = new Map<string, number>()
  const rawLatency: number[] = []
  const stopEvents = followEvents(socketPath, (e, at) => {
    if (e.Action !== 'pause' && e.Action !== 'unpause') return
    const emittedAt = e.timeNano / 1e6
    emitted.set(`${e.Actor.Attributes.name}:${e.Action === 'pause' ? 'paused' : 'running'}`, emittedAt)
    rawLatency.push(at - emittedAt)
  })
  const server = await startServer(dockerHost)
  const browser = await launchChromium()
  const uiLatency: number[] = []
  try {
    // Tall enough that all 50 rows are rendered by the virtual list.
    const page = await browser.newPage({ viewport: { width: 1280, height: 2600 } })
    await openApp(page, server.url)
    await page.getByRole('searchbox', { name: 'Search containers' }).fill('wharf-p2-')
    await page
      .locator('.list-table .tr')
      .nth(COUNT - 1)
      .waitFor()
    // Page code as text: this file is compiled for Node, without DOM types.
    await page.evaluate(`(() => {
      const seen = {}
      window.__seen = seen
      new MutationObserver(() => {
        const at = performance.timeOrigin + performance.now()
        for (const row of document.querySelectorAll('.list-table .tr')) {
          const name = row.querySelector('a.name')?.textContent
          const state = row.querySelector('.state')?.textContent?.trim()
          if (name && state && !(name + ':' + state in seen)) seen[name + ':' + state] = at
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })()`)
    for (const round of [0, 1]) {
      for (const [action, state] of [
        ['pause', 'paused'],
        ['unpause', 'running'],
      ] as const) {
        await page.evaluate(`for (const key of Object.keys(window.__seen)) if (key.endsWith(':${state}')) delete window.__seen[key]`)
        emitted.clear()
        await Promise.all(containers.map((c) => (action === 'pause' ? c.pause() : c.unpause())))
        // A function, not a string: the page's CSP forbids eval.
        const seen = await page.waitForFunction(
          ({ names, state }) => {
            const map = (globalThis as unknown as { __seen: Record<string, number> }).__seen
            return names.every((n) => `${n}:${state}` in map) ? map : null
          },
          { names, state },
          { timeout: 30_000 },
        )
        const shown = (await seen.jsonValue()) as Record<string, number>
        for (const name of names) {
          const e = emitted.get(`${name}:${state}`)
          const s = shown[`${name}:${state}`]
          if (e !== undefined && s !== undefined) uiLatency.push(s - e)
        }
        if (process.env.WHARF_BENCH_VERBOSE) console.log(`P2 round ${round} ${action}: ${uiLatency.length} samples so far`)
      }
    }
  } finally {
    stopEvents()
    await browser.close()
    server.stop()
    await inBatches(containers, 8, (c) => c.remove({ force: true }).catch(() => undefined))
  }
  return {
    samples: uiLatency.length,
    uiP50: percentile(uiLatency, 50),
    uiP95: percentile(uiLatency, 95),
    rawP50: percentile(rawLatency, 50),
    rawP95: percentile(rawLatency, 95),
  }
}
