import { expect, test } from '@playwright/test'
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
