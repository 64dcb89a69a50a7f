import type { Page } from '@playwright/test'
import { expect, openApp, test } from './support/app'
import { PalettePage } from './pages/PalettePage'
import { cleanup, runContainer, runLabel, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

async function openContainers(page: Page): Promise<void> {
  await openApp(page, '/e/local/containers')
  await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()
}

test('Ctrl-K, "restart <name>", Enter restarts the container, says so, and remembers it', { tag: '@desktop' }, async ({ page }) => {
  const name = uniqueName('pal-web')
  const container = await runContainer(docker, name)
  const startedBefore = (await container.inspect()).State.StartedAt
  await openContainers(page)
  const palette = new PalettePage(page)

  await palette.search(`restart ${name}`, `Restart ${name}`)
  await expect(palette.current()).toContainText(`Restart ${name}`)
  await page.keyboard.press('Enter')
  await expect(palette.dialog()).toBeHidden()
  await expect(page.getByText(`Restart ${name}: done.`)).toBeVisible()
  const after = (await container.inspect()).State
  expect(after.Running).toBe(true)
  expect(after.StartedAt).not.toBe(startedBefore)

  // Opened again with nothing typed, the command just used leads, marked recent — also after a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()
  await palette.open()
  await expect(palette.options().first()).toContainText(`Restart ${name}`)
  await expect(palette.options().first()).toContainText('recent')
  await page.keyboard.press('Escape')
  await expect(palette.dialog()).toBeHidden()
})

test('the arrows move through the results and Enter jumps to a page; Esc closes', async ({ page }) => {
  await openContainers(page)
  const palette = new PalettePage(page)
  await palette.search('networks', 'Go to Networks')
  await page.keyboard.press('Escape')
  await expect(palette.dialog()).toBeHidden()

  await palette.open()
  await palette.box().fill('go to')
  const first = await palette.options().nth(0).textContent()
  const second = await palette.options().nth(1).textContent()
  await expect(palette.current()).toHaveText(first ?? '')
  await page.keyboard.press('ArrowDown')
  await expect(palette.current()).toHaveText(second ?? '')
  await page.keyboard.press('ArrowUp')
  await expect(palette.current()).toHaveText(first ?? '')
  // The combobox points at the option the keyboard is on.
  const activeId = await palette.box().getAttribute('aria-activedescendant')
  expect(activeId).toBe(await palette.current().getAttribute('id'))

  await palette.box().fill('imag')
  await expect(palette.current()).toContainText('Go to Images')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
  await expect(page).toHaveURL(/#\/e\/local\/images$/)
})

test('a container is opened by name, and an action the engine refuses shows its words', async ({ page }) => {
  const name = uniqueName('pal-bad')
  // Created with a command the image does not have: the engine refuses to start it.
  const container = await docker.createContainer({
    Image: 'wharf-test/busybox:latest',
    name,
    Cmd: ['/no-such-binary'],
    Labels: { 'wharf.test': runLabel },
  })
  await openContainers(page)
  const palette = new PalettePage(page)

  await palette.search(`start ${name}`, `Start ${name}`)
  await page.keyboard.press('Enter')
  const alert = palette.dialog().getByRole('alert')
  await expect(alert).toContainText(`Start ${name} failed:`)
  await expect(alert).toContainText('no-such-binary')
  // The palette stays open on the refusal, and typing goes on.
  await expect(palette.box()).toBeFocused()
  expect((await container.inspect()).State.Running).toBe(false)

  await palette.box().fill(name)
  await expect(palette.current()).toContainText(name)
  await expect(palette.current()).toContainText('container')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name })).toBeVisible()
})

test('"open terminal in <name>" opens an exec terminal, and "show logs of" the logs tab', async ({ page }) => {
  const name = uniqueName('pal-term')
  await runContainer(docker, name)
  await openContainers(page)
  const palette = new PalettePage(page)

  await palette.search(`terminal ${name}`, `Open terminal in ${name}`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Terminal', exact: true })).toBeVisible()
  await expect(page.getByRole('tab', { name: new RegExp(name) })).toBeVisible()
  // Sessions live in main across tests: close the one opened here, as the user would.
  await page.getByRole('button', { name: new RegExp(`^Close terminal .*${name}`) }).click()
  await expect(page.getByRole('tab', { name: new RegExp(name) })).toHaveCount(0)

  await palette.search(`logs ${name}`, `Show logs of ${name}`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible()
})

test('"pull" opens the pull form on the Images pane', async ({ page }) => {
  await openContainers(page)
  const palette = new PalettePage(page)
  await palette.search('pull', 'Pull an image…')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
  const dialog = page.getByRole('dialog', { name: 'Pull an image' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox')).toBeVisible()
})

test('the header button opens the palette too, and it takes screenshots', async ({ page }, info) => {
  test.setTimeout(150_000)
  const name = uniqueName('pal-shot')
  await runContainer(docker, name)
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1000, height: 700 },
  ]) {
    await page.setViewportSize(size)
    await openContainers(page)
    const palette = new PalettePage(page)
    await page.getByRole('button', { name: 'Open the command palette' }).click()
    await expect(palette.box()).toBeFocused()
    await palette.box().fill('e2e-pal')
    await expect(palette.options().first()).toBeVisible()
    await page.screenshot({ path: info.outputPath(`palette-${size.width}.png`) })
    await page.keyboard.press('Escape')
  }
})
