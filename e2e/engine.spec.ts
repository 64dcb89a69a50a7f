import { expect, test } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { openTokenUrl } from './support/app'

let server: ChildProcess | undefined
test.afterEach(() => {
  server?.kill('SIGTERM')
})

/** A second browser-mode server pointed at an engine that does not exist. */
async function startWithoutEngine(): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(__dirname, '../out/main/server.js'), '--port', '0', '--token', 'no-engine-token', '--engine', 'unix:///nonexistent/docker.sock'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  server = child
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Wharf is running at (\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`server exited ${String(code)}`)))
  })
}

test('with no engine the app explains what it tried and how to fix it', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text())
  })
  await openTokenUrl(page, await startWithoutEngine())
  await expect(page.getByRole('heading', { name: 'No container engine found' })).toBeVisible()
  await expect(page.getByText('unix:///nonexistent/docker.sock')).toBeVisible()
  await expect(page.getByText(/ENOENT/)).toBeVisible()
  await expect(page.getByText(/ssh:\/\/user@host/)).toBeVisible()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'No container engine found' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('No engine')
  expect(errors).toEqual([])
})
