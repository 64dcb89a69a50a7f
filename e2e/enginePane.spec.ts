import { readFileSync } from 'node:fs'
import { expect, expectDownload, test } from './support/app'
import { EnginePage } from './pages/EnginePage'
import { cleanup, runContainer, testDocker, uniqueName, TEST_IMAGE } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

const pruneSkipReason =
  'prune removes every stopped container of the engine: run only on the private test engine (npm test sets WHARF_PRIVATE_ENGINE)'
if (!process.env.WHARF_PRIVATE_ENGINE) console.log(`SKIPPED Engine pane prune e2e: ${pruneSkipReason}`)

test('the Engine pane shows docker info in sections and what takes the disk, kind by kind', async ({ page }) => {
  const name = uniqueName('df')
  await runContainer(docker, name, {}, false)
  const driver = ((await docker.info()) as { Driver: string }).Driver
  const ui = new EnginePage(page)
  await ui.open()

  for (const section of ['Engine', 'Host', 'Storage', 'Runtime and security', 'Registries', 'Containers and images', 'Swarm']) {
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible()
  }
  const storage = page.getByRole('region', { name: 'Storage' })
  await expect(storage.getByRole('definition').first()).toHaveText(driver)
  // Connected: nothing to try again.
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)

  await ui.tab('Disk usage')
  for (const kind of ['Images', 'Containers', 'Local volumes', 'Build cache', 'Networks']) {
    await expect(ui.summaryRow(kind)).toBeVisible()
  }
  await expect(ui.summaryRow('Containers')).toContainText(/\d+ (B|KiB|MiB|GiB)/)
  await page.getByRole('tab', { name: /^Containers \(\d+\)$/ }).click()
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
  await page.getByRole('tab', { name: /^Images \(\d+\)$/ }).click()
  await expect(page.getByRole('link', { name: TEST_IMAGE, exact: true })).toBeVisible()
})

test('prune stopped containers from the Engine pane: what goes is listed first, then what was reclaimed', async ({ page }) => {
  test.skip(!process.env.WHARF_PRIVATE_ENGINE, pruneSkipReason)
  const name = uniqueName('prune')
  const keep = uniqueName('keep')
  const stopped = await runContainer(docker, name, {}, false)
  const running = await runContainer(docker, keep)
  const ui = new EnginePage(page)
  await ui.open('Disk usage')
  await page.getByRole('button', { name: 'Prune stopped containers…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove all stopped containers' })
  await expect(dialog).toContainText(name)
  await expect(dialog).not.toContainText(keep)
  await dialog.getByRole('button', { name: /^Remove \d+$/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /Removed \d+ stopped containers; .+ freed\./ })).toBeVisible()
  await expect(stopped.inspect()).rejects.toMatchObject({ statusCode: 404 })
  expect((await running.inspect()).State.Running).toBe(true)
  // The disk usage is asked again: the container is gone from it.
  await page.getByRole('tab', { name: /^Containers \(\d+\)$/ }).click()
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: keep, exact: true })).toBeVisible()
})

test('events arrive live; pause holds them, filters narrow them, export saves the shown ones as JSON lines', async ({ page }) => {
  const ui = new EnginePage(page)
  await ui.open('Events')
  const first = uniqueName('ev')
  await runContainer(docker, first)
  await expect(ui.eventRow('start', first)).toBeVisible()
  await expect(ui.eventRow('create', first)).toBeVisible()

  // Paused: new events wait, counted, and show on resume.
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const second = uniqueName('ev')
  await runContainer(docker, second)
  await expect(page.getByRole('status').filter({ hasText: /Paused: [1-9]\d* new events held/ })).toBeVisible()
  await expect(ui.eventRow('start', second)).toHaveCount(0)
  await page.getByRole('button', { name: 'Resume', exact: true }).click()
  await expect(ui.eventRow('start', second)).toBeVisible()

  // Filters: containers that started.
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption('container')
  await page.getByRole('combobox', { name: 'Action', exact: true }).selectOption('start')
  await expect(ui.eventRow('start', first)).toBeVisible()
  await expect(ui.eventRow('create', first)).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Search events' }).fill(second)
  await expect(ui.eventRow('start', first)).toHaveCount(0)
  await expect(ui.eventRow('start', second)).toBeVisible()

  // A row opens on every attribute the engine sent.
  await ui
    .eventRow('start', second)
    .getByRole('button', { name: `Attributes of start ${second}` })
    .click()
  const attributes = page.getByRole('definition').filter({ hasText: TEST_IMAGE })
  await expect(attributes.first()).toBeVisible()

  const file = await expectDownload(page, () => page.getByRole('button', { name: 'Export JSON lines' }).click())
  expect(file.name).toMatch(/^wharf-events-local-.+\.jsonl$/)
  const lines = readFileSync(file.path, 'utf8').split('\n').filter(Boolean)
  const events = lines.map(
    (l) => JSON.parse(l) as { Type: string; Action: string; Actor: { ID: string; Attributes: Record<string, string> } },
  )
  expect(events.length).toBeGreaterThan(0)
  expect(events.every((e) => e.Type === 'container' && e.Action === 'start' && e.Actor.Attributes.name === second)).toBe(true)

  await page.getByRole('button', { name: 'Clear', exact: true }).click()
  await expect(page.getByText('Waiting for the engine’s events')).toBeVisible()
})
