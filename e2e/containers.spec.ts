import { expect, test } from './support/app'
import { ContainersPage } from './pages/ContainersPage'
import { DetailPage } from './pages/DetailPage'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

test('a user stops a container, sees it change live, and removes it', { tag: '@desktop' }, async ({ page }) => {
  const name = uniqueName('web')
  const container = await runContainer(docker, name)
  const ui = new ContainersPage(page)
  await ui.find(name)
  const row = ui.row(name)
  await expect(row.getByText('running', { exact: true })).toBeVisible()

  await ui.act(name, 'Stop')
  await expect(row.getByText('exited', { exact: true })).toBeVisible()
  expect((await container.inspect()).State.Status).toBe('exited')

  // A change made outside Wharf (the CLI) shows up without a reload.
  await container.start()
  await expect(row.getByText('running', { exact: true })).toBeVisible()

  await ui.act(name, 'Remove')
  const dialog = page.getByRole('dialog', { name: /Remove 1 container/ })
  await expect(dialog).toContainText(name)
  await expect(dialog).toContainText('writable layer')
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(row).toHaveCount(0)
  await expect(container.inspect()).rejects.toMatchObject({ statusCode: 404 })
})

test('cancelling the remove dialog keeps the container', async ({ page }) => {
  const name = uniqueName('keep')
  const container = await runContainer(docker, name)
  const ui = new ContainersPage(page)
  await ui.find(name)
  await ui.act(name, 'Remove')
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(ui.row(name)).toHaveCount(1)
  expect((await container.inspect()).State.Running).toBe(true)
})

test('bulk actions act on the selected containers only', { tag: '@desktop' }, async ({ page }) => {
  const prefix = uniqueName('bulk')
  const [a, b, c] = await Promise.all([
    runContainer(docker, `${prefix}-a`),
    runContainer(docker, `${prefix}-b`),
    runContainer(docker, `${prefix}-c`),
  ])
  const ui = new ContainersPage(page)
  await ui.find(prefix)
  await ui.select(`${prefix}-a`, `${prefix}-b`)
  await ui.bulkButton(2, 'Stop').click()
  await expect(ui.row(`${prefix}-a`).getByText('exited', { exact: true })).toBeVisible()
  await expect(ui.row(`${prefix}-b`).getByText('exited', { exact: true })).toBeVisible()
  expect((await a.inspect()).State.Running).toBe(false)
  expect((await b.inspect()).State.Running).toBe(false)
  expect((await c.inspect()).State.Running).toBe(true)
})

test('an engine error is shown in the engine words', async ({ page }) => {
  const name = uniqueName('taken')
  const first = await docker.createContainer({
    Image: 'wharf-test/busybox:latest',
    name: `${name}-1`,
    Cmd: ['httpd', '-f', '-p', '80'],
    Labels: { 'wharf.test': 'x' },
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '0' }] } },
  })
  await first.start()
  const port = (await first.inspect()).NetworkSettings.Ports['80/tcp'][0].HostPort
  const second = await docker.createContainer({
    Image: 'wharf-test/busybox:latest',
    name: `${name}-2`,
    Cmd: ['httpd', '-f', '-p', '80'],
    Labels: { 'wharf.test': 'x' },
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostPort: port }] } },
  })
  try {
    const ui = new ContainersPage(page)
    await ui.open()
    await ui.search(name)
    await ui.act(`${name}-2`, 'Start')
    await expect(page.getByRole('alert').filter({ hasText: `${name}-2` })).toContainText(/port is already allocated|address already in use/)
  } finally {
    await Promise.all([first.remove({ force: true }), second.remove({ force: true })])
  }
})

test('compose projects are grouped and can be folded', async ({ page }) => {
  const project = uniqueName('proj')
  await Promise.all([
    runContainer(docker, `${project}-web-1`, { 'com.docker.compose.project': project }),
    runContainer(docker, `${project}-db-1`, { 'com.docker.compose.project': project }, false),
  ])
  const ui = new ContainersPage(page)
  await ui.find(project)
  const fold = page.getByRole('button', { name: `Compose project ${project}` })
  await expect(ui.row(project)).toContainText('1 of 2 running')
  await expect(fold).toHaveAttribute('aria-expanded', 'true')
  await fold.click()
  await expect(ui.row(`${project}-web-1`)).toHaveCount(0)
  await fold.click()
  await expect(ui.row(`${project}-web-1`)).toHaveCount(1)
})

// The language is a saved preference: a test that switches it puts English back, passed or failed.
test.afterEach(async ({ page }) => {
  const chinese = page.getByRole('combobox', { name: '语言' })
  if (await chinese.isVisible()) {
    await chinese.selectOption({ label: 'English' })
    await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible()
  }
})

test('the language can be switched to Simplified Chinese', async ({ page }) => {
  const ui = new ContainersPage(page)
  await ui.open()
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' })
  await expect(page.getByRole('heading', { name: '容器' })).toBeVisible()
  await expect(page.getByRole('link', { name: '镜像' })).toBeVisible()
  await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' })
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
})

test('status text ages with the clock and speaks the page’s language', async ({ page }) => {
  const ui = new ContainersPage(page)
  // The list is open before the container starts: its row comes from the start event,
  // whose engine text says "Up Less than a second" and would stay so until the next event.
  await ui.find('e2e-age-')
  const name = uniqueName('age')
  const container = await runContainer(docker, name)
  const row = ui.row(name)
  await expect(row.getByText('running', { exact: true })).toBeVisible()
  await expect(row).toContainText(/Up ([2-9]|[1-5]\d) seconds/, { timeout: 15_000 })

  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' })
  await expect(row).toContainText(/运行中 \d+ 秒/)
  await expect(row).not.toContainText('Up')
  await row.getByRole('link', { name }).click()
  const header = new DetailPage(page).header()
  await expect(header).toContainText(/运行中 \d+ 秒/)
  await expect(header).not.toContainText('Up')
  await container.kill()
  await expect(header).toContainText(/已退出 \(137\) (不到 1 秒|\d+ 秒)前/)
  await expect(header).not.toContainText('Exited')
})
