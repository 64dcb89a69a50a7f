import { expect, expectDownload, test } from './support/app'
import { readFileSync } from 'node:fs'
import { ContainersPage } from './pages/ContainersPage'
import { DetailPage } from './pages/DetailPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
const images: string[] = []
test.afterAll(async () => {
  await cleanup(docker)
  for (const image of images)
    await docker
      .getImage(image)
      .remove({ force: true })
      .catch(() => undefined)
})

async function start(name: string, cmd: string[], extra: { Env?: string[]; Labels?: Record<string, string> } = {}) {
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: cmd,
    Env: extra.Env,
    Labels: { 'wharf.test': runLabel, ...extra.Labels },
    StopTimeout: 1,
  })
  await c.start()
  return c
}

test('logs: search moves between matches, stderr is marked, the full log downloads', { tag: '@desktop' }, async ({ page }) => {
  const name = uniqueName('logs')
  await start(name, ['sh', '-c', 'for i in $(seq 1 300); do echo "row $i"; done; echo "needle one"; echo "needle two" >&2; sleep 3600'])
  const detail = new DetailPage(page)
  await detail.open(name)
  // The engine copies stdout and stderr apart, so the stderr line may sit anywhere near the end.
  await expect(page.getByRole('status').filter({ hasText: /Following · 302 lines/ })).toBeVisible()
  await expect(detail.logs()).toContainText('needle one')
  const search = page.getByRole('searchbox', { name: 'Search logs' })
  await search.fill('NEEDLE')
  await expect(page.getByText('0 of 2')).toBeVisible()
  const current = detail.logs().locator('.line.current')
  await search.press('Enter')
  await expect(page.getByText('1 of 2')).toBeVisible()
  const first = await current.textContent()
  await page.getByRole('button', { name: 'Next match' }).click()
  await expect(page.getByText('2 of 2')).toBeVisible()
  const second = await current.textContent()
  // stderr lines carry a marker for screen readers and a red edge on screen.
  expect([first, second].sort()).toEqual(['needle one', 'stderr:needle two'])
  await page.getByRole('button', { name: 'Previous match' }).click()
  await expect(current).toHaveText(first ?? '')

  await page.getByRole('textbox', { name: 'Lines' }).fill('5')
  await expect(page.getByRole('status').filter({ hasText: /5 lines/ })).toBeVisible()
  await expect(detail.logs()).not.toContainText('row 290')
  await page.getByRole('button', { name: 'Load older lines' }).click()
  await expect(page.getByRole('status').filter({ hasText: /105 lines/ })).toBeVisible()
  await detail.logs().evaluate((el) => (el.scrollTop = 0))
  await expect(detail.logs()).toContainText('row 198')

  const download = await expectDownload(page, () => page.getByRole('button', { name: 'Download full log' }).click())
  expect(download.name).toBe(`${name}.log`)
  expect(readFileSync(download.path, 'utf8')).toContain('row 1\nrow 2\n')
})

test('settings: rename, update limits and commit to an image', async ({ page }) => {
  const name = uniqueName('set')
  const c = await start(name, ['sleep', '3600'])
  const detail = new DetailPage(page)
  await detail.open(name, 'settings')
  const renamed = `${name}-renamed`
  await page.getByLabel('New name').fill(renamed)
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(page.getByText(`Renamed to ${renamed}.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible()

  await page.getByRole('form', { name: 'Restart policy and resources' }).getByLabel('Restart policy').selectOption('unless-stopped')
  await page.getByRole('form', { name: 'Restart policy and resources' }).getByLabel('Memory limit').fill('96m')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('Updated.')).toBeVisible()
  const info = await c.inspect()
  expect(info.HostConfig.RestartPolicy?.Name).toBe('unless-stopped')
  expect(info.HostConfig.Memory).toBe(96 * 1024 * 1024)

  const reference = `wharf-test/e2e-commit:${name.slice(-6)}`
  images.push(reference)
  await page.getByLabel('Repository and tag').fill('Not A Tag!')
  await expect(page.getByText('Not an image reference')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Commit', exact: true })).toBeDisabled()
  await page.getByLabel('Repository and tag').fill(reference)
  await page.getByLabel('Message').fill('snapshot from e2e')
  await page.getByRole('button', { name: 'Commit', exact: true }).click()
  await expect(page.getByText(`Committed as ${reference}`)).toBeVisible()
  expect((await docker.getImage(reference).inspect()).Comment).toBe('snapshot from e2e')
})

test('inspect and stats show the container as the engine sees it', async ({ page }) => {
  const name = uniqueName('insp')
  await start(name, ['sh', '-c', 'while :; do :; done'], { Env: ['MODE=busy'], Labels: { 'com.example.tier': 'cpu' } })
  const detail = new DetailPage(page)
  await detail.open(name, 'inspect')
  const summary = page.getByRole('region', { name: 'Summary' })
  await expect(summary).toContainText('MODE')
  await expect(summary).toContainText('com.example.tier')
  await expect(summary).toContainText('overlay2')
  await page.getByRole('searchbox', { name: 'Search the JSON' }).fill('"MODE=busy"')
  await expect(page.getByText('0 of 1')).toBeVisible()
  await detail.tab('Stats')
  await expect(page.getByRole('img', { name: 'CPU' })).toBeVisible()
  await expect(page.locator('.now dd').first()).toHaveText(/^\d+(\.\d)?%/, { timeout: 15_000 })

  // The list samples CPU and memory of running containers on screen.
  const list = new ContainersPage(page)
  await list.find(name)
  await expect(list.row(name)).toContainText(/\d+\.\d%/, { timeout: 15_000 })
  await expect(list.row(name)).toContainText(/\d+(\.\d)? (KiB|MiB)/)
})

test('names, labels, env values and log lines with markup and escapes stay inert text', async ({ page }) => {
  const name = uniqueName('xss')
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
  await start(
    name,
    [
      'sh',
      '-c',
      `printf '%s\\n' '${payload}'; printf '\\033]8;;javascript:alert(1)\\007click me\\033]8;;\\007 \\033[31mred\\033[0m\\n'; sleep 3600`,
    ],
    {
      Env: [`HOSTILE=${payload}`],
      Labels: { 'x-hostile': payload },
    },
  )
  const detail = new DetailPage(page)
  await detail.open(name)
  await expect(detail.logs()).toContainText(payload)
  await expect(detail.logs()).toContainText('click me red')
  await expect(detail.logs().locator('a, img, script')).toHaveCount(0)
  await detail.tab('Inspect')
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(payload)
  await expect(page.locator('main img[src=x], main script')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('a container that is not there, or goes away while open, is said so', async ({ page }) => {
  const detail = new DetailPage(page)
  await detail.open('%3Cimg%20src%3Dx%3E')
  await expect(page.getByRole('heading', { name: 'No such container' })).toBeVisible()
  await expect(page.getByText('no container named or identified “<img src=x>”')).toBeVisible()

  const name = uniqueName('gone')
  const c = await start(name, ['sleep', '3600'])
  await detail.open(name, 'inspect')
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await c.remove({ force: true })
  await expect(page.getByRole('alert').filter({ hasText: 'This container no longer exists' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Remove…' })).toBeDisabled()
})
