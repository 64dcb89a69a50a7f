/**
 * P1 (renderer) and P6: browser mode started as a user starts it, in Chromium.
 * P6 is process start → first container row visible; the renderer figure is the
 * time from the list arriving in the page to the frame after its rows are painted.
 */
import type { Page } from 'playwright-core'
import { launchChromium, startServer } from './browserServer'

/** A row of the container list's grid (the header row is not a `.tr`). */
const ROW = '.list-table .tr[role="row"]'

/**
 * Notes, in the page, the wall-clock time of the frame after the first row appears.
 * Waiting for the row with Playwright alone would time its polling, which backs off to
 * intervals of up to a second: that added 0.5–1.7 s to the P6 figures until 2026-12-02.
 */
async function watchFirstRow(page: Page): Promise<void> {
  // A string: the bench is compiled without the DOM's types.
  await page.addInitScript(`
    new MutationObserver((changes, observer) => {
      if (!document.querySelector(${JSON.stringify(ROW)})) return
      observer.disconnect()
      requestAnimationFrame(() => requestAnimationFrame(() => { window.wharfFirstRowAt = performance.timeOrigin + performance.now() }))
    }).observe(document, { childList: true, subtree: true })
  `)
}

/** Opens the token URL and resolves with the wall-clock time of the first row's frame. */
async function firstRowAt(page: Page, url: string): Promise<number> {
  await page.goto(url)
  const handle = await page.waitForFunction(() => (globalThis as { wharfFirstRowAt?: number }).wharfFirstRowAt, undefined, {
    timeout: 30_000,
  })
  return (await handle.jsonValue()) as number
}

export interface RendererResult {
  startToFirstRowMs: number
  /** First load: list received → painted; includes the app's own first paint. */
  listShownMs: number
  /** Refresh on the open pane: list received → 1,000 rows painted. */
  refreshShownMs: number
  /** Process start → the server printed its address. */
  urlMs: number
  rowsInDom: number
}

/**
 * P6 for a returning user: one browser profile opens Wharf, Wharf restarts on the same
 * port, and the page is opened again, three times. Process start → first row for each;
 * the first is a cold browser, the others have the hashed assets cached (and from the
 * third, V8's compiled code for them: Chromium makes it on a script's second load).
 */
export async function benchReturningStarts(dockerHost: string): Promise<number[]> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await watchFirstRow(page)
    const times: number[] = []
    let port = 0
    for (let i = 0; i < 3; i++) {
      const started = Date.now()
      const server = await startServer(dockerHost, {}, port)
      try {
        port = Number(new URL(server.url).port)
        times.push((await firstRowAt(page, server.url)) - started)
      } finally {
        await server.stopped()
      }
    }
    return times
  } finally {
    await browser.close()
  }
}

export async function benchRenderer(dockerHost: string): Promise<RendererResult> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await watchFirstRow(page)
    const started = Date.now()
    const server = await startServer(dockerHost)
    try {
      const { url, urlMs } = server
      const startToFirstRowMs = (await firstRowAt(page, url)) - started
      const timeline = await page.evaluate<{ dcl: number; listReceived: number }>(
        `({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, listReceived: performance.getEntriesByName('wharf:list-received')[0]?.startTime ?? -1 })`,
      )
      if (process.env.WHARF_BENCH_VERBOSE) console.log('P6 detail (ms since navigation):', timeline)
      await page.waitForFunction(() => performance.getEntriesByName('wharf:list-shown').length > 0)
      const listShownMs = await page.evaluate(() => performance.getEntriesByName('wharf:list-shown')[0].duration)
      const rowsInDom = await page.locator(ROW).count()
      const refreshes: number[] = []
      for (let i = 0; i < 5; i++) {
        // The store also re-lists on its own (reconnects); the measure must be this click's.
        await page.evaluate(() => performance.clearMeasures('wharf:list-shown'))
        await page.getByRole('button', { name: 'Refresh' }).click()
        const handle = await page.waitForFunction(() => performance.getEntriesByName('wharf:list-shown')[0]?.duration)
        refreshes.push(await handle.jsonValue())
      }
      refreshes.sort((x, y) => x - y)
      return { startToFirstRowMs, urlMs, listShownMs, refreshShownMs: refreshes[2], rowsInDom }
    } finally {
      server.stop()
    }
  } finally {
    await browser.close()
  }
}
