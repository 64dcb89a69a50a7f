/**
 * P1 (renderer) and P6: browser mode started as a user starts it, in Chromium.
 * P6 is process start → first container row visible; the renderer figure is the
 * time from the list arriving in the page to the frame after its rows are painted.
 */
import { launchChromium, startServer } from './browserServer'

/** A row of the container list's grid (the header row is not a `.tr`). */
const ROW = '.list-table .tr[role="row"]'

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

export async function benchRenderer(dockerHost: string): Promise<RendererResult> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const started = performance.now()
    const server = await startServer(dockerHost)
    try {
      const { url, urlMs } = server
      await page.goto(url)
      await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 30_000 })
      const startToFirstRowMs = performance.now() - started
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
