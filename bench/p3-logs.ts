/**
 * P3: following the log of a container that wrote 200,000 lines — Wharf (engine →
 * main → WebSocket → page, lines counted by the page) against the raw API (follow the
 * same log over the socket, demultiplex, count lines) in the same run; plus the
 * page's peak JS heap and longest frame while the lines pour in.
 */
import type Dockerode from 'dockerode'
import { request } from 'node:http'
import { launchChromium, openApp, startServer } from './browserServer'
import { median } from './support'

const LINES = 200_000

export interface P3Result {
  lines: number
  bytes: number
  rawMs: number
  wharfMs: number
  ratio: number
  peakHeapMb: number
  longestFrameMs: number
}

/** Follows the whole log over the socket until `lines` newlines arrived; resolves with the time and bytes. */
function rawFollow(socketPath: string, id: string, lines: number): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request({ socketPath, path: `/containers/${id}/logs?stdout=1&stderr=1&follow=1&tail=all`, method: 'GET' }, (res) => {
      let pending: Buffer = Buffer.alloc(0)
      let seen = 0
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
        while (pending.length >= 8) {
          const size = pending.readUInt32BE(4)
          if (pending.length < 8 + size) break
          const payload = pending.subarray(8, 8 + size)
          bytes += payload.length
          for (let i = payload.indexOf(10); i !== -1; i = payload.indexOf(10, i + 1)) seen++
          pending = pending.subarray(8 + size)
        }
        if (seen >= lines) {
          resolve({ ms: performance.now() - started, bytes })
          req.destroy()
        }
      })
    })
    req.on('error', (err) => (err.message.includes('socket hang up') ? undefined : reject(err)))
    req.end()
  })
}

export async function benchLogs(docker: Dockerode, socketPath: string, dockerHost: string): Promise<P3Result> {
  const name = `wharf-p3-${Date.now().toString(36)}`
  const script = `awk 'BEGIN { for (i = 1; i <= ${LINES}; i++) print "2024-05-01T10:00:00Z INFO request " i " handled in 12ms path=/api/items status=200" }'; sleep 3600`
  const container = await docker.createContainer({
    Image: 'wharf-test/busybox:latest',
    name,
    Cmd: ['sh', '-c', script],
    Labels: { 'wharf.bench': '1' },
  })
  await container.start()
  const server = await startServer(dockerHost)
  const browser = await launchChromium()
  try {
    // Wait until the whole log is written, so both sides read the same 200,000 lines.
    const raws: Array<{ ms: number; bytes: number }> = [await rawFollow(socketPath, container.id, LINES)]
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await openApp(page, server.url, `/e/local/containers/${name}?tab=logs`)
    await page
      .getByRole('status')
      .filter({ hasText: /Following · 1000 lines/ })
      .waitFor({ timeout: 30_000 })
    const wharf: number[] = []
    let peakHeapMb = 0
    let longestFrameMs = 0
    for (let round = 0; round < 3; round++) {
      raws.push(await rawFollow(socketPath, container.id, LINES))
      await page.getByRole('textbox', { name: 'Lines' }).fill('10')
      await page
        .getByRole('status')
        .filter({ hasText: /Following · 10 lines/ })
        .waitFor()
      await page.evaluate(`(() => {
        window.__peakHeap = 0
        window.__longest = 0
        window.__heapTimer = setInterval(() => { window.__peakHeap = Math.max(window.__peakHeap, performance.memory.usedJSHeapSize) }, 20)
        const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask'
        window.__frames = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration) })
        window.__frames.observe({ type, buffered: false })
      })()`)
      const started = performance.now()
      await page.getByRole('textbox', { name: 'Lines' }).fill('all')
      // A function, not a string: the page's CSP forbids eval.
      await page.waitForFunction(
        (lines) => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
          return doc.querySelector('.logs .state')?.textContent.includes(`Following · ${lines} lines`) ?? false
        },
        LINES,
        { timeout: 120_000, polling: 10 },
      )
      wharf.push(performance.now() - started)
      const probe = await page.evaluate<{ heap: number; longest: number }>(`(() => {
        clearInterval(window.__heapTimer)
        window.__frames.disconnect()
        return { heap: window.__peakHeap, longest: window.__longest }
      })()`)
      peakHeapMb = Math.max(peakHeapMb, probe.heap / 1024 / 1024)
      longestFrameMs = Math.max(longestFrameMs, probe.longest)
    }
    const rawMs = median(raws.slice(1).map((r) => r.ms))
    const wharfMs = median(wharf)
    return { lines: LINES, bytes: raws[0].bytes, rawMs, wharfMs, ratio: rawMs / wharfMs, peakHeapMb, longestFrameMs }
  } finally {
    await browser.close()
    server.stop()
    await container.remove({ force: true }).catch(() => undefined)
  }
}
