/**
 * What only the desktop shell has, through the desktop harness (the built preload in
 * Electron's sandbox, the real IPC transport, the renderer from file://): the bridge the
 * window gets, streams closed when their view goes, the native dialog, the encrypted
 * vault for registry logins. Runs in the `desktop` project only.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { methodNames, signalNames, streamNames } from '../src/shared/contract'
import { DetailPage } from './pages/DetailPage'
import { EnginePage } from './pages/EnginePage'
import { ImagesPage } from './pages/ImagesPage'
import { desktopOf, expect, openApp, test } from './support/app'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

test.describe('desktop shell', () => {
  test('the window gets window.wharf with one function per contract name, and no Node or IPC', async ({ page }) => {
    await openApp(page)
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const bridge = w.wharf as Record<string, Record<string, unknown>>
      const names = (group: string) => Object.keys(bridge[group]).sort()
      const allFunctions = Object.values(bridge).every((g) => Object.values(g).every((f) => typeof f === 'function'))
      return {
        keys: Object.keys(bridge).sort(),
        methods: names('methods'),
        streams: names('streams'),
        signals: names('signals'),
        allFunctions,
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
        location: location.protocol,
      }
    })
    expect(seen).toEqual({
      keys: ['methods', 'signals', 'streams'],
      methods: [...methodNames].sort(),
      streams: [...streamNames].sort(),
      signals: [...signalNames].sort(),
      allFunctions: true,
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      location: 'file:',
    })
  })

  test('a log view’s streams close when the user leaves it, and a reload closes the old page’s streams in main', async ({ page }) => {
    const name = uniqueName('desk-logs')
    await runContainer(docker, name)
    const desktop = desktopOf(page)!
    const detail = new DetailPage(page)
    await detail.open(name, 'logs')
    await expect(detail.logs()).toBeVisible()
    await expect.poll(() => desktop.openStreams()).toContain('containers.logs')
    await page.getByRole('link', { name: 'Containers', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
    await expect.poll(() => desktop.openStreams()).not.toContain('containers.logs')

    // The Images pane adds a stream of engine events that the Containers pane never opens.
    await page.getByRole('link', { name: 'Images', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
    await expect.poll(() => desktop.openStreams()).toContain('images.changed')
    // Main serves exactly what the page has open.
    const leaked = (): number => desktop.servedStreams() - desktop.openStreams().length
    await expect.poll(leaked).toBe(0)

    // A new document (reload, navigation): Electron runs the preload again, main hears did-navigate.
    await openApp(page, '/containers')
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
    await expect.poll(() => desktop.openStreams()).toContain('containers.changed')
    expect(desktop.openStreams()).not.toContain('images.changed')
    // Main serves what the new page has open, and nothing the old page had.
    await expect.poll(leaked).toBe(0)
  })

  test('the Engine pane’s events stream lives while the pane is open, across its tabs, and closes when it is left', async ({ page }) => {
    const desktop = desktopOf(page)!
    const engine = new EnginePage(page)
    await engine.open('Events')
    await expect.poll(() => desktop.openStreams()).toContain('engine.events')
    await engine.tab('Information')
    expect(desktop.openStreams()).toContain('engine.events')
    await page.getByRole('link', { name: 'Containers', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
    await expect.poll(() => desktop.openStreams()).not.toContain('engine.events')
    await expect.poll(() => desktop.servedStreams() - desktop.openStreams().length).toBe(0)
  })

  test('the native open dialog fills the archive path when the user chooses a file', async ({ page }) => {
    const desktop = desktopOf(page)!
    const images = new ImagesPage(page)
    await images.open()
    await page.getByRole('button', { name: 'Load…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Load images from an archive' })
    desktop.answerDialog('/tmp/chosen-by-the-user.tar')
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await expect(dialog.getByLabel('Archive')).toHaveValue('/tmp/chosen-by-the-user.tar')
    desktop.answerDialog(null)
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await expect(dialog.getByLabel('Archive')).toHaveValue('/tmp/chosen-by-the-user.tar')
  })

  test('a registry login is kept encrypted by the OS keychain vault, never in clear, for the next start', async ({ page }) => {
    const server = process.env.WHARF_TEST_REGISTRY_AUTH
    const username = process.env.WHARF_TEST_REGISTRY_USER
    const password = process.env.WHARF_TEST_REGISTRY_PASSWORD
    if (!server || !username || !password) throw new Error('The authenticated test registry is not running (npm test starts it)')
    const desktop = desktopOf(page)!
    const images = new ImagesPage(page)
    await images.open()
    await page.getByRole('button', { name: 'Registries…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Registries' })
    await dialog.getByLabel('Registry').fill(server)
    await dialog.getByLabel('User name').fill(username)
    await dialog.getByLabel('Password or token').fill(password)
    await dialog.getByRole('button', { name: 'Log in' }).click()
    await expect(dialog).toContainText(`Logged in to ${server} as ${username}.`)
    await expect(dialog).toContainText('Kept encrypted by your OS keychain')

    const files = readdirSync(desktop.userData)
    expect(files).toEqual(['registry-logins.bin'])
    const stored = readFileSync(join(desktop.userData, files[0]))
    expect(stored.includes(Buffer.from(password))).toBe(false)
    expect(stored.includes(Buffer.from(username))).toBe(false)
    // What the next start of the app reads back.
    expect(await desktop.vault.load()).toEqual([{ serveraddress: server, username, password }])

    await dialog.getByRole('button', { name: 'Log out' }).click()
    await expect(dialog).toContainText('Not logged in to any registry.')
    expect(await desktop.vault.load()).toEqual([])
  })
})
