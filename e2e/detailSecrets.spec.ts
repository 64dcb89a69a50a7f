import { expect, test } from './support/app'
import { createServer } from 'node:net'
import { DetailPage } from './pages/DetailPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

test('inspect: published ports are links, secret-looking env values are masked until revealed', async ({ page }) => {
  const name = uniqueName('secrets')
  const [web, tls] = [await freePort(), await freePort()]
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['httpd', '-f', '-p', '80'],
    Env: ['DB_PASSWORD=hunter2-e2e', 'DB_URL=postgres://app:s3cr3t-e2e@db:5432/app', 'GREETING=hello'],
    Labels: { 'wharf.test': runLabel },
    ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
    HostConfig: {
      PortBindings: {
        '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(web) }],
        '443/tcp': [{ HostIp: '127.0.0.1', HostPort: String(tls) }],
      },
    },
  })
  await container.start()

  const detail = new DetailPage(page)
  await detail.open(name, 'inspect')
  const summary = page.getByRole('region', { name: 'Summary' })
  await expect(summary.getByRole('link', { name: `127.0.0.1:${web} → 80/tcp` })).toHaveAttribute('href', `http://127.0.0.1:${web}/`)
  await expect(summary.getByRole('link', { name: `127.0.0.1:${tls} → 443/tcp` })).toHaveAttribute('href', `https://127.0.0.1:${tls}/`)

  // Masked in the summary and in the raw JSON; the plain value is shown as it is.
  await expect(summary).not.toContainText('hunter2-e2e')
  await expect(summary).not.toContainText('s3cr3t-e2e')
  await expect(summary).toContainText('postgres://app:••••••••@db:5432/app')
  await expect(summary).toContainText('hello')
  // The raw section holds the scrollable JSON box, itself a region of the same name.
  const raw = page.getByRole('region', { name: 'Raw JSON' }).last()
  await expect(raw).toContainText('"DB_PASSWORD=••••••••"')
  await expect(raw).not.toContainText('hunter2-e2e')

  await summary.getByRole('button', { name: 'Show the value of DB_PASSWORD' }).click()
  await expect(summary).toContainText('hunter2-e2e')
  await expect(summary).not.toContainText('s3cr3t-e2e')
  await summary.getByRole('button', { name: 'Hide the value of DB_PASSWORD' }).click()
  await expect(summary).not.toContainText('hunter2-e2e')

  await page.getByRole('button', { name: 'Show secret values' }).click()
  await expect(raw).toContainText('s3cr3t-e2e')
})
