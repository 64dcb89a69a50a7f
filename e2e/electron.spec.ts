/**
 * The real desktop app in Electron: only where Electron's binary exists (here it cannot
 * be downloaded, so these print why they are skipped; the `desktop` project proves the
 * same path through the built preload and the IPC transport without it). To run them:
 *   node node_modules/electron/install.js
 *   npm run build:app
 *   npx playwright test --project=electron     (with the test engines' environment)
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import { createRequire } from 'node:module'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DetailPage } from './pages/DetailPage'
import { RunPage } from './pages/RunPage'
import { TerminalPanelPage } from './pages/TerminalPanelPage'
import { VolumesPage } from './pages/VolumesPage'
import { expect, inElectron, test } from './support/app'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

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

const docker = testDocker()
let app: ElectronApplication
let window: Page
const downloads = mkdtempSync(join(tmpdir(), 'wharf-electron-downloads-'))

test.describe('Electron shell', () => {
  test.skip(!binary, reason)

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [join(__dirname, '../out/main/index.js')],
      env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    })
    // Downloads land in a test folder instead of asking where; the open dialog answers with a chosen path.
    await app.evaluate(({ dialog, session }, dir) => {
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(`${dir}/${item.getFilename()}`))
      dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: ['/tmp/chosen-in-electron.tar'] })
    }, downloads)
    window = await app.firstWindow()
    inElectron(window)
  })
  test.afterAll(async () => {
    await app?.close()
    await cleanup(docker)
  })

  test('opens the hardened window on the Containers pane with only the wharf bridge', async () => {
    await expect(window.getByRole('heading', { name: 'Containers' })).toBeVisible()
    const exposed = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return { require: typeof w.require, process: typeof w.process, wharf: Object.keys((w.wharf as object) ?? {}).sort() }
    })
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', wharf: ['methods', 'signals', 'streams'] })
    // Navigation away from the app is refused by the window itself.
    await window.evaluate(() => {
      location.href = 'https://example.com/'
    })
    await expect(window.getByRole('heading', { name: 'Containers' })).toBeVisible()
    expect(window.url()).toMatch(/^file:/)
  })

  test('the file:// page is under the CSP of its <meta>: an injected inline script does not run', async () => {
    const ran = await window.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__inline = 1'
      document.body.appendChild(script)
      await new Promise((done) => setTimeout(done, 50))
      return (window as unknown as { __inline?: number }).__inline
    })
    expect(ran).toBeUndefined()
  })

  test('runs a container from the form, shows its logs and opens a terminal into it', async () => {
    const name = uniqueName('electron')
    const run = new RunPage(window)
    await run.open()
    await run.field('Image').fill(TEST_IMAGE)
    await run.field('Container name').fill(name)
    await run.field('Command').fill(`sh -c 'echo "hello from electron"; exec sleep 3600'`)
    await run.field('Labels').fill(`wharf.test=${runLabel}`)
    await window.getByRole('button', { name: 'Create and start' }).click()
    const detail = new DetailPage(window)
    await expect(window.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(detail.logs()).toContainText('hello from electron')

    const term = new TerminalPanelPage(window, name)
    await term.open()
    await term.start()
    await term.type('printf "bytes:%s\\n" $((6*7))')
    await expect(term.screen()).toContainText('bytes:42')
    await window.getByRole('button', { name: /^Close terminal / }).click()
  })

  test('downloads a volume file through wharf-download: and fills a path from the native dialog', async () => {
    const volume = `e2e-electron-${runLabel}`
    await docker.createVolume({ Name: volume, Labels: { 'wharf.test': runLabel } })
    const writer = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'echo "in the volume" > /v/file.txt'],
      Labels: { 'wharf.test': runLabel },
      HostConfig: { Binds: [`${volume}:/v`] },
    })
    await writer.start()
    await writer.wait()
    await writer.remove()
    const volumes = new VolumesPage(window)
    await volumes.find(volume)
    await volumes.row(volume).getByRole('link', { name: volume, exact: true }).click()
    await volumes.entry('file.txt').getByRole('button', { name: 'Download file.txt' }).click()
    await expect.poll(() => existsSync(join(downloads, 'file.txt'))).toBe(true)
    await expect.poll(() => readFileSync(join(downloads, 'file.txt'), 'utf8')).toBe('in the volume\n')

    await window.getByRole('link', { name: 'Images', exact: true }).click()
    await window.getByRole('button', { name: 'Load…' }).click()
    const dialog = window.getByRole('dialog', { name: 'Load images from an archive' })
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await expect(dialog.getByLabel('Archive')).toHaveValue('/tmp/chosen-in-electron.tar')
  })
})
