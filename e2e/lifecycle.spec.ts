import { expect, test } from './support/app'
import { ContainersPage } from './pages/ContainersPage'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

const pruneSkipReason =
  'prune removes every stopped container of the engine: run only on the private test engine (npm test sets WHARF_PRIVATE_ENGINE)'
if (!process.env.WHARF_PRIVATE_ENGINE) console.log(`SKIPPED prune e2e: ${pruneSkipReason}`)

test('pause and unpause from the bulk bar, then unpause from the row', async ({ page }) => {
  const name = uniqueName('pause')
  const container = await runContainer(docker, name)
  const ui = new ContainersPage(page)
  await ui.find(name)
  await ui.select(name)
  await ui.bulkButton(1, 'Pause').click()
  await expect(ui.row(name).getByText('paused', { exact: true })).toBeVisible()
  expect((await container.inspect()).State.Paused).toBe(true)
  await ui.act(name, 'Unpause')
  await expect(ui.row(name).getByText('running', { exact: true })).toBeVisible()
  expect((await container.inspect()).State.Paused).toBe(false)
})

test('kill asks for the signal and refuses one that is not', async ({ page }) => {
  const name = uniqueName('kill')
  const container = await runContainer(docker, name)
  const ui = new ContainersPage(page)
  await ui.find(name)
  await ui.select(name)
  await ui.bulkButton(1, 'Kill…').click()
  const dialog = page.getByRole('dialog', { name: /Send a signal to 1 container/ })
  const signal = dialog.getByRole('combobox', { name: 'Signal' })
  await signal.fill('not a signal')
  await expect(dialog.getByRole('alert')).toContainText('signal name')
  await expect(dialog.getByRole('button', { name: 'Kill' })).toBeDisabled()
  await signal.fill('SIGKILL')
  await dialog.getByRole('button', { name: 'Kill' }).click()
  await expect(ui.row(name).getByText('exited', { exact: true })).toBeVisible()
  expect((await container.inspect()).State.ExitCode).toBe(137)
})

test('prune lists the stopped containers before removing them', async ({ page }) => {
  test.skip(!process.env.WHARF_PRIVATE_ENGINE, pruneSkipReason)
  const name = uniqueName('prune')
  const keep = uniqueName('keep')
  const stopped = await runContainer(docker, name, {}, false)
  const running = await runContainer(docker, keep)
  const ui = new ContainersPage(page)
  await ui.open()
  await page.getByRole('button', { name: 'Prune stopped…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove all stopped containers' })
  await expect(dialog).toContainText(name)
  await expect(dialog).not.toContainText(keep)
  await dialog.getByRole('button', { name: /^Remove \d+$/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /Removed \d+ stopped containers/ })).toBeVisible()
  await expect(stopped.inspect()).rejects.toMatchObject({ statusCode: 404 })
  expect((await running.inspect()).State.Running).toBe(true)
})
