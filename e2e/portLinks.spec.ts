import { expect, test, desktopOf } from './support/app'
import { DetailPage } from './pages/DetailPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

// Published ports open their web page: a tab in browser mode, the system browser from the desktop window (issue 14).
const docker = testDocker()
test.afterAll(() => cleanup(docker))

test(
  'a published port opens the container’s web page (through main in the desktop); once the container is gone it is no longer a link',
  { tag: '@desktop' },
  async ({ page, context }) => {
    const name = uniqueName('web')
    const c = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Cmd: ['httpd', '-f', '-p', '80', '-h', '/etc'],
      Labels: { 'wharf.test': runLabel },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '' }] } },
      StopTimeout: 1,
    })
    await c.start()
    const hostPort = (await c.inspect()).NetworkSettings.Ports['80/tcp'][0].HostPort
    const url = `http://localhost:${hostPort}/`
    await new DetailPage(page).open(name, 'inspect')
    const link = page.getByRole('link', { name: `${hostPort} → 80/tcp` })

    const desktop = desktopOf(page)
    if (desktop) {
      // Main built the address and handed it to the system browser; the window opened nothing.
      const before = desktop.externalOpens.length
      await link.click()
      await expect.poll(() => desktop.externalOpens.slice(before)).toEqual([url])
      expect(context.pages()).toHaveLength(1)
    } else {
      const [tab] = await Promise.all([context.waitForEvent('page'), link.click()])
      await tab.waitForLoadState()
      expect(tab.url()).toBe(url)
      const hostname = await tab.request.get(`${url}hostname`)
      expect((await hostname.text()).trim()).toBe((await c.inspect()).Config.Hostname)
      await tab.close()
    }

    if (desktop) {
      // Straight through the window's bridge, as a compromised page could: main takes a container's port, never an address.
      const call = (input: unknown) =>
        page.evaluate(
          (i) =>
            (
              window as unknown as { wharf: { methods: Record<string, (input: unknown, engine: string) => Promise<unknown>> } }
            ).wharf.methods['containers.openPort'](i, 'local'),
          input,
        )
      const before = desktop.externalOpens.length
      expect(await call({ id: name, port: 80, url: 'http://evil.example/' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await call({ id: name, port: 81 })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: `${name} has no port 81/tcp.` },
      })
      expect(desktop.externalOpens.length).toBe(before)
    }

    // Once the container is gone, its ports are no longer offered as links.
    await c.remove({ force: true })
    await expect(page.getByRole('alert').filter({ hasText: 'no longer exists' })).toBeVisible()
    await expect(link).toBeHidden()
  },
)
