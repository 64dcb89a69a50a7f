/**
 * Several engines at once (E3, E4), as a user works with them: the Podman test engine
 * added beside the Docker one, every engine's containers in one list with an Engine
 * column, filtered by engine, stopped together in one bulk action (each on its own
 * engine), a container's page opened on its engine, and the container counts in the
 * switcher and on the Engines page following a start made outside Wharf.
 */
import type { Page } from '@playwright/test'
import Dockerode from 'dockerode'
import { randomBytes } from 'node:crypto'
import { optionsForEndpoint } from '../src/main/engine/endpoint'
import { removeLabelled } from '../tests/support/labelled'
import { ContainersPage } from './pages/ContainersPage'
import { TerminalPage } from './pages/TerminalPage'
import { expect, openApp, test } from './support/app'
import { runLabel, testDocker, TEST_IMAGE } from './support/engine'

const docker = testDocker()
const podmanHost = process.env.WHARF_TEST_PODMAN_HOST ?? ''
const podman = new Dockerode(optionsForEndpoint(podmanHost))
/** Engines this spec adds, by name; each test removes its own, and afterEach whatever a failure left. */
const PODMAN = 'Podman test'
const GONE = 'Gone away'

test.beforeAll(() => {
  if (!podmanHost.startsWith('unix://'))
    throw new Error(
      'WHARF_TEST_PODMAN_HOST (unix://…) is not set: run through `npm test`, or export what `npm run engines -- start` prints',
    )
})
test.afterEach(async ({ page }) => {
  await openApp(page, '/engines')
  for (const name of [PODMAN, GONE]) {
    const remove = page.getByRole('button', { name: `Remove ${name}` })
    if ((await remove.count()) === 0) continue
    await remove.click()
    await page.getByRole('dialog', { name: 'Remove engine' }).getByRole('button', { name: 'Remove' }).click()
    await expect(remove).toHaveCount(0)
  }
})
test.afterAll(async () => {
  await removeLabelled(docker, runLabel)
  await removeLabelled(podman, runLabel)
})

/**
 * A test container with no network: starting and stopping one then adds and removes no
 * network interface on this machine, which Chromium takes for a network change and fails
 * the page's requests in flight (ERR_NETWORK_CHANGED) — a lazily loaded view among them.
 */
async function runContainer(engine: Dockerode, name: string, start = true): Promise<Dockerode.Container> {
  const c = await engine.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['sleep', '3600'],
    Labels: { 'wharf.test': runLabel },
    StopTimeout: 1,
    HostConfig: { NetworkMode: 'none' },
  })
  if (start) await c.start()
  return c
}

async function addSocketEngine(page: Page, name: string, path: string): Promise<void> {
  await openApp(page, '/engines')
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an engine' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Connection').selectOption('unix')
  await dialog.getByLabel('Socket path').fill(path)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** The switcher's option for an engine reads "name · kind · state · R/T running". */
function switcherOption(page: Page, engine: string) {
  return page.getByLabel('Engine', { exact: true }).locator('option', { hasText: engine })
}

/**
 * What the engine itself says, as the switcher writes it. The test engines are shared
 * with other test runs, so the figure to expect is read from the engine, not assumed.
 */
async function truth(engine: Dockerode): Promise<string> {
  const all = await engine.listContainers({ all: true })
  return `${all.filter((c) => c.State === 'running').length}/${all.length} running`
}

test('every engine’s containers in one list: filter by engine, bulk stop across engines, open one on its engine', async ({ page }) => {
  const token = randomBytes(3).toString('hex')
  const onDocker = `e2e-all-${token}-docker`
  const onPodman = `e2e-all-${token}-podman`
  const [dockerOne, podmanOne] = await Promise.all([runContainer(docker, onDocker), runContainer(podman, onPodman)])
  await addSocketEngine(page, PODMAN, podmanHost.slice('unix://'.length))
  await expect(page.getByRole('status', { name: /Podman .* Connected/ })).toBeVisible()

  await page.getByRole('link', { name: /^All engines/ }).click()
  await expect(page).toHaveURL(/#\/all\/containers$/)
  await expect(page.getByRole('heading', { name: 'Containers on all engines' })).toBeVisible()
  const list = new ContainersPage(page)
  await list.search(token)
  await expect(list.row(onDocker)).toContainText('Local')
  await expect(list.row(onPodman)).toContainText(PODMAN)
  await expect(page.getByRole('row')).toHaveCount(3) // the header and the two

  // Only the Podman engine's.
  const byEngine = page.getByRole('combobox', { name: 'Filter by engine' })
  await byEngine.selectOption({ label: (await byEngine.locator('option', { hasText: PODMAN }).textContent()) ?? '' })
  await expect(list.row(onPodman)).toBeVisible()
  await expect(list.row(onDocker)).toHaveCount(0)
  await byEngine.selectOption('all')
  await expect(list.row(onDocker)).toBeVisible()

  // One bulk Stop, two engines: each container stops on its own.
  await list.select(onDocker, onPodman)
  await list.bulkButton(2, 'Stop').click()
  await expect(list.row(onDocker).getByText('exited', { exact: true })).toBeVisible()
  await expect(list.row(onPodman).getByText('exited', { exact: true })).toBeVisible()
  expect((await dockerOne.inspect()).State.Running).toBe(false)
  expect((await podmanOne.inspect()).State.Running).toBe(false)

  // Started outside Wharf: the row follows Podman's events.
  await podmanOne.start()
  await expect(list.row(onPodman).getByText('running', { exact: true })).toBeVisible()
  await expect(list.row(onDocker).getByText('exited', { exact: true })).toBeVisible()

  // Its terminal opens on its own engine.
  await list
    .row(onPodman)
    .getByRole('button', { name: `Open a terminal in ${onPodman}`, exact: true })
    .click()
  await expect(page).toHaveURL(/#\/e\/podman-test\/terminal/)
  const terminal = new TerminalPage(page)
  await expect(terminal.tab(new RegExp(onPodman))).toBeVisible()
  await terminal.type('echo on-$((6*7))')
  await expect(terminal.screen()).toContainText('on-42')

  // A name opens the container's page on its own engine.
  await page.getByRole('link', { name: /^All engines/ }).click()
  await list.search(token)
  await list.row(onPodman).getByRole('link', { name: onPodman }).click()
  await expect(page).toHaveURL(new RegExp(`#/e/podman-test/containers/${podmanOne.id}`))
  await expect(page.getByRole('heading', { name: onPodman })).toBeVisible()
  await expect(page.getByRole('status', { name: /Podman .* Connected/ })).toBeVisible()
})

test('the switcher and the Engines page count each engine’s containers, live', async ({ page }) => {
  const later = await runContainer(podman, `e2e-count-${randomBytes(3).toString('hex')}`, false)
  await addSocketEngine(page, PODMAN, podmanHost.slice('unix://'.length))
  await expect.poll(async () => ((await switcherOption(page, PODMAN).textContent()) ?? '').endsWith(`· ${await truth(podman)}`)).toBe(true)
  await expect.poll(async () => ((await switcherOption(page, 'Local').textContent()) ?? '').endsWith(`· ${await truth(docker)}`)).toBe(true)
  const before = (await switcherOption(page, PODMAN).textContent()) ?? ''

  // Started outside Wharf: the figure follows the engine's events, in the switcher and on the Engines page.
  await later.start()
  await expect(switcherOption(page, PODMAN)).not.toHaveText(before)
  await expect.poll(async () => ((await switcherOption(page, PODMAN).textContent()) ?? '').endsWith(`· ${await truth(podman)}`)).toBe(true)
  await page.getByRole('link', { name: 'Engines', exact: true }).click()
  const row = page.getByRole('row').filter({ hasText: PODMAN })
  await expect.poll(async () => ((await row.textContent()) ?? '').includes(await truth(podman))).toBe(true)
})

test('an engine that is not connected says so in the list instead of going missing', async ({ page }) => {
  await addSocketEngine(page, GONE, `/tmp/wharf-e2e-no-engine-${randomBytes(3).toString('hex')}.sock`)
  await openApp(page, '/all/containers')
  const notice = page.getByRole('alert').filter({ hasText: GONE })
  await expect(notice).toContainText(`${GONE}: No engine`)
  await expect(notice).toContainText('Its containers are not listed.')
  await expect(page.getByRole('combobox', { name: 'Filter by engine' }).locator('option', { hasText: GONE })).toHaveCount(1)
})
