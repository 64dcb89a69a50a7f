import { expect, test } from '@playwright/test'
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { cspHeader, cspMeta } from '../src/shared/csp'
import { ContainersPage } from './pages/ContainersPage'
import { openTokenUrl } from './support/app'
import { startServer, type RunningServer } from './support/server'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

test('without the token every page is refused', async ({ page }) => {
  const response = await page.goto('/')
  expect(response?.status()).toBe(403)
  await expect(page.getByText(/Forbidden/)).toBeVisible()
  expect((await page.goto('/?token=not-the-token'))?.status()).toBe(403)
})

test('the token URL lands on a clean address and leaves no trace in the tab history', async ({ page }) => {
  const tokenUrl = process.env.WHARF_E2E_TOKEN_URL ?? ''
  const token = new URL(tokenUrl).searchParams.get('token') ?? ''
  expect(token).not.toBe('')
  // A new tab starts with about:blank in its history; opening the address adds one entry, the app's.
  const before = await page.evaluate(() => history.length)
  await openTokenUrl(page, tokenUrl)
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  expect(page.url()).not.toContain('token')
  expect(await page.evaluate(() => history.length)).toBe(before + 1)
  // What Chromium keeps for the tab (Back, and the address it restores): every entry, with the URL the user typed.
  const cdp = await page.context().newCDPSession(page)
  const { entries } = await cdp.send('Page.getNavigationHistory')
  const app = entries.filter((e) => e.url !== 'about:blank')
  expect(app).toHaveLength(1)
  expect(app[0].url.startsWith(new URL('/', tokenUrl).href)).toBe(true)
  expect(JSON.stringify(entries)).not.toContain(token)
})

test('after a restart with the same token the page says its session ended, and comes back once the token URL is opened again', async ({
  page,
  context,
}) => {
  const token = 'e2e-restart-token-0123'
  const first = await startServer(['--port', '0', '--token', token])
  let second: RunningServer | undefined
  try {
    await openTokenUrl(page, first.url)
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
    await first.stop()
    // Same token, same port: the old code took the old cookie back; now the session is gone.
    second = await startServer(['--port', new URL(first.url).port, '--token', token])
    await expect(page.getByRole('alert').filter({ hasText: 'no longer knows this page' })).toBeVisible({ timeout: 20_000 })
    const other = await context.newPage()
    await openTokenUrl(other, second.url)
    await expect(page.getByRole('alert').filter({ hasText: 'no longer knows this page' })).toHaveCount(0, { timeout: 20_000 })
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  } finally {
    await first.stop()
    await second?.stop()
  }
})

test('the page has no Node, no Electron and no generic IPC, and inline scripts do not run', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text())
  })
  await openTokenUrl(page, process.env.WHARF_E2E_TOKEN_URL ?? '')
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  const globals = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>
    const script = document.createElement('script')
    script.textContent = 'window.__inline = 1'
    document.body.appendChild(script)
    await new Promise((r) => setTimeout(r, 50))
    return {
      require: typeof w.require,
      process: typeof w.process,
      ipc: typeof w.ipcRenderer,
      electron: typeof w.electron,
      wharf: typeof w.wharf,
      inline: w.__inline,
    }
  })
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipc: 'undefined',
    electron: 'undefined',
    wharf: 'undefined',
    inline: undefined,
  })
  expect(violations.length).toBeGreaterThan(0)
})

test('the page carries the CSP twice, header and built <meta>, and the app needs nothing either forbids', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text())
  })
  // The token URL answers with a landing page of its own (its own, stricter CSP) that
  // trades the token for the session; the app's page is what loads after it.
  await openTokenUrl(page, process.env.WHARF_E2E_TOKEN_URL ?? '')
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toBe(cspHeader('browser'))
  // The <meta> is what guards the desktop window, whose file:// page gets no headers.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', cspMeta())
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  await page.getByRole('link', { name: 'Images', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
  expect(violations).toEqual([])
})

test('the tab shows Wharf’s icon', async ({ page }) => {
  await page.goto(process.env.WHARF_E2E_TOKEN_URL ?? '')
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  const icon = await page.request.get(new URL(href ?? '', page.url()).href)
  expect(icon.headers()['content-type']).toBe('image/svg+xml')
  expect(await icon.body()).toEqual(readFileSync(join(__dirname, '../resources/icon.svg')))
})

test('a page from another origin cannot open the API socket, even with the cookie', async ({ page }) => {
  await openTokenUrl(page, process.env.WHARF_E2E_TOKEN_URL ?? '')
  const target = new URL(process.env.WHARF_E2E_URL ?? '')
  const evil = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>evil</title>'))
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
  try {
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`)
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url)
          ws.onopen = () => resolve('open')
          ws.onerror = () => resolve('refused')
        }),
      `ws://${target.host}/api`,
    )
    expect(outcome).toBe('refused')
  } finally {
    evil.close()
  }
})

test('engine data with markup is shown as inert text', async ({ page }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
  const name = uniqueName('xss')
  await runContainer(docker, name, { 'com.docker.compose.project': payload })
  const ui = new ContainersPage(page)
  await ui.find(name)
  await expect(page.getByText(payload, { exact: true })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(await page.locator('img[src="x"]').count()).toBe(0)
})
