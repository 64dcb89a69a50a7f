import { chromium } from 'playwright-core'
const [url, hash] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } })
page.on('pageerror', (e) => console.log('pageerror:', e.message))
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()))
await page.goto(url)
await page.goto(new URL(url).origin + '/' + hash)
await page.waitForTimeout(1500)
console.log(await page.evaluate(() => {
  const v = document.querySelector('.viewport')
  return JSON.stringify({ lines: document.querySelectorAll('.viewport .line').length, st: v?.scrollTop, sh: v?.scrollHeight, ch: v?.clientHeight, spacer: document.querySelector('.spacer')?.getBoundingClientRect().width })
}))
await browser.close()
