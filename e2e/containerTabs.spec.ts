import { expect, test } from './support/app'
import { DetailPage } from './pages/DetailPage'
import { VolumesPage } from './pages/VolumesPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

// What a daily user meets first on a container's tabs (issue 15).
const docker = testDocker()
test.afterAll(() => cleanup(docker))

async function start(name: string, cmd: string[]) {
  const c = await docker.createContainer({ Image: TEST_IMAGE, name, Cmd: cmd, Labels: { 'wharf.test': runLabel }, StopTimeout: 1 })
  await c.start()
  return c
}

test('changes: a container that changed nothing says so', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  const name = uniqueName('nochange')
  await start(name, ['sleep', '3600'])
  const detail = new DetailPage(page)
  await detail.open(name, 'changes')
  await expect(page.getByText('No changes: the container layer is empty.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled()
  expect(errors).toEqual([])
})

test('files: double-clicking a folder opens it once', async ({ page }) => {
  const name = uniqueName('dbl')
  await start(name, ['sh', '-c', 'mkdir -p /data/inner && echo hi > /data/inner/note.txt && sleep 3600'])
  const detail = new DetailPage(page)
  await detail.open(name, 'files')
  const files = page.getByRole('region', { name: `Files of ${name}:/` })
  const browser = new VolumesPage(page)
  await browser.entry('data').getByRole('button', { name: 'data', exact: true }).dblclick()
  await expect(browser.entry('inner')).toBeVisible()
  const location = files.getByRole('navigation', { name: 'Location' })
  await expect(location.getByRole('button')).toHaveText([`${name}:/`, 'data'])
  await expect(location.getByRole('button', { name: 'data' })).toHaveAttribute('aria-current', 'location')
  await expect(files.getByRole('alert')).toHaveCount(0)
})

test('logs: one line is "1 line"', async ({ page }) => {
  const name = uniqueName('oneline')
  const c = await start(name, ['echo', 'only line'])
  await c.wait()
  const detail = new DetailPage(page)
  await detail.open(name)
  await expect(detail.logs()).toContainText('only line')
  await expect(page.getByRole('status').filter({ hasText: /^End of log/ })).toHaveText('End of log · 1 line')
})

test('logs: a container that restarts after each exit is followed across restarts', async ({ page }) => {
  const name = uniqueName('restarts')
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['sh', '-c', 'echo "run $(cut -d" " -f1 /proc/uptime)"'],
    Labels: { 'wharf.test': runLabel },
    HostConfig: { RestartPolicy: { Name: 'always' } },
  })
  await c.start()
  const detail = new DetailPage(page)
  await detail.open(name)
  const status = page.getByRole('status').filter({ hasText: /line/ })
  await expect(status).toHaveText(/^(Following|Restarting)/)
  const runs = detail.logs().getByText(/^run /)
  await expect(runs.first()).toBeVisible()
  const shown = await runs.count()
  // The engine restarts it after 0.1, 0.2, 0.4 … s: a new run comes within ~13 s.
  await expect(runs).toHaveCount(shown + 1, { timeout: 30_000 })
  await expect(status).toHaveText(/^(Following|Restarting)/)
  await expect(status).not.toHaveText(/End of log/)
})
