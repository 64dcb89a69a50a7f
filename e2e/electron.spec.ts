import { _electron as electron, expect, test } from '@playwright/test'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Where Electron's binary would be; null when its download was skipped (as here). */
function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const reason = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 / no download possible here); Electron e2e skipped'
if (!binary) console.log(`SKIPPED electron e2e: ${reason}`)

test.describe('Electron shell', () => {
  test.skip(!binary, reason)

  const launch = () =>
    electron.launch({
      executablePath: binary ?? undefined,
      args: [join(__dirname, '../out/main/index.js')],
      env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    })

  test('opens the hardened window on the Containers pane with only the wharf bridge', async () => {
    const app = await launch()
    try {
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { name: 'Containers' })).toBeVisible()
      const exposed = await window.evaluate(() => {
        const w = window as unknown as Record<string, unknown>
        return { require: typeof w.require, process: typeof w.process, wharf: Object.keys((w.wharf as object) ?? {}) }
      })
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', wharf: ['methods', 'streams'] })
      // Navigation away from the app is refused by the window itself.
      await window.evaluate(() => {
        location.href = 'https://example.com/'
      })
      await window.waitForTimeout(300)
      expect(window.url()).toMatch(/^file:/)
    } finally {
      await app.close()
    }
  })

  test('the file:// page is under the CSP of its <meta>: an injected inline script does not run', async () => {
    const app = await launch()
    try {
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { name: 'Containers' })).toBeVisible()
      const ran = await window.evaluate(async () => {
        const script = document.createElement('script')
        script.textContent = 'window.__inline = 1'
        document.body.appendChild(script)
        await new Promise((done) => setTimeout(done, 50))
        return (window as unknown as { __inline?: number }).__inline
      })
      expect(ran).toBeUndefined()
    } finally {
      await app.close()
    }
  })
})
