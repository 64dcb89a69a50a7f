import { chromium } from 'playwright-core'
const base = process.env.BASE ?? 'http://127.0.0.1:7788'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } })
page.on('pageerror', (e) => console.log('pageerror:', e.message))
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()))
await page.goto(base + '/?token=dev-token-0123456789abcdef')
const shot = async (n) => page.screenshot({ path: `/tmp/xp-${n}.png` })
globalThis.page = page; globalThis.shot = shot; globalThis.base = base
const mod = await import(process.argv[2])
try { await mod.default(page, shot) } catch (e) { console.log('ERR', e.message); await shot('err') }
await browser.close()
