// Developer aid: screenshots of browser mode. node scripts/screenshot.mjs URL OUT.png [hash] [dark]
import { chromium } from 'playwright-core'

const [url, out, hash = '', scheme = 'light'] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: scheme })
page.on('console', (m) => console.log('console:', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e.message))
await page.goto(url)
if (hash) await page.goto(new URL(url).origin + '/' + hash)
await page.waitForTimeout(1500)
await page.screenshot({ path: out })
await browser.close()
