import { expect, test } from './support/app'
import { ContainersPage } from './pages/ContainersPage'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

/** The container names in the list, top to bottom (each row's name is its one link). */
async function names(ui: ContainersPage): Promise<string[]> {
  return ui.grid().getByRole('row').getByRole('link').allTextContents()
}

test('a header sorts the list and says which way (aria-sort); the sort is kept', async ({ page }) => {
  const prefix = uniqueName('sort')
  for (const suffix of ['b', 'c', 'a']) await runContainer(docker, `${prefix}-${suffix}`)
  const ui = new ContainersPage(page)
  await ui.find(prefix)
  const name = ui.grid().getByRole('columnheader', { name: 'Name', exact: true })
  const created = ui.grid().getByRole('columnheader', { name: 'Created', exact: true })
  await expect(created).toHaveAttribute('aria-sort', 'descending')
  await expect(name).toHaveAttribute('aria-sort', 'none')
  try {
    await name.getByRole('button', { name: 'Name' }).click()
    await expect(name).toHaveAttribute('aria-sort', 'ascending')
    await expect(created).toHaveAttribute('aria-sort', 'none')
    await expect.poll(() => names(ui)).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`])
    await name.getByRole('button', { name: 'Name' }).click()
    await expect(name).toHaveAttribute('aria-sort', 'descending')
    await expect.poll(() => names(ui)).toEqual([`${prefix}-c`, `${prefix}-b`, `${prefix}-a`])

    await page.reload()
    await ui.search(prefix)
    await expect(name).toHaveAttribute('aria-sort', 'descending')
    await expect.poll(() => names(ui)).toEqual([`${prefix}-c`, `${prefix}-b`, `${prefix}-a`])
  } finally {
    // Back to the default, newest first, for the other tests sharing these settings.
    await created.getByRole('button', { name: 'Created' }).click()
    await created.getByRole('button', { name: 'Created' }).click()
    await expect(created).toHaveAttribute('aria-sort', 'descending')
  }
})

test('columns chosen and resized are remembered across a reload', { tag: '@desktop' }, async ({ page }) => {
  const ui = new ContainersPage(page)
  await ui.open()
  const grid = ui.grid()
  const image = grid.getByRole('columnheader', { name: 'Image', exact: true })
  await expect(image).toBeVisible()
  const chooser = grid.getByRole('button', { name: 'Choose columns' })
  const menu = page.getByRole('menu', { name: 'Choose columns' })
  try {
    await chooser.click()
    const item = menu.getByRole('menuitemcheckbox', { name: 'Image' })
    await expect(item).toHaveAttribute('aria-checked', 'true')
    await item.click()
    await expect(item).toHaveAttribute('aria-checked', 'false')
    await expect(image).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)

    const status = grid.getByRole('columnheader', { name: 'Status', exact: true })
    const before = (await status.boundingBox())?.width ?? 0
    const handle = grid.getByRole('separator', { name: 'Resize the Status column' })
    await handle.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => Math.round((await status.boundingBox())?.width ?? 0)).toBe(Math.round(before + 32))

    await page.reload()
    await expect(grid.getByRole('columnheader', { name: 'Name', exact: true })).toBeVisible()
    await expect(image).toHaveCount(0)
    await expect.poll(async () => Math.round((await status.boundingBox())?.width ?? 0)).toBe(Math.round(before + 32))
  } finally {
    if ((await image.count()) === 0) {
      await chooser.click()
      await menu.getByRole('menuitemcheckbox', { name: 'Image' }).click()
      await page.keyboard.press('Escape')
    }
    await grid.getByRole('separator', { name: 'Resize the Status column' }).dblclick()
  }
  await expect(image).toBeVisible()
})

test('the keyboard drives the list: arrows, Space, Delete, Enter and /', async ({ page }) => {
  const prefix = uniqueName('keys')
  const first = `${prefix}-a`
  const second = `${prefix}-b`
  await runContainer(docker, first)
  const container = await runContainer(docker, second)
  const ui = new ContainersPage(page)
  await ui.find(prefix)
  await expect(ui.row(second)).toBeVisible()
  const grid = ui.grid()
  await grid.focus()
  // Newest first: b, then a.
  await page.keyboard.press('ArrowDown')
  await expect(grid).toHaveAttribute('aria-activedescendant', (await ui.row(second).getAttribute('id')) ?? 'none')
  await page.keyboard.press('ArrowDown')
  await expect(grid).toHaveAttribute('aria-activedescendant', (await ui.row(first).getAttribute('id')) ?? 'none')
  await page.keyboard.press('ArrowUp')
  await expect(grid).toHaveAttribute('aria-activedescendant', (await ui.row(second).getAttribute('id')) ?? 'none')

  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: `Select ${second}` })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: `Select ${first}` })).not.toBeChecked()
  await expect(page.getByRole('group', { name: '1 selected' })).toBeVisible()

  await page.keyboard.press('Delete')
  const dialog = page.getByRole('dialog', { name: /Remove 1 container/ })
  await expect(dialog).toContainText(second)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect((await container.inspect()).State.Running).toBe(true)

  await grid.focus()
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search containers' })).toBeFocused()

  await grid.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/containers/${container.id}$`))
  await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible()
})

test('at 1000 px the list fits without sideways scrolling and every row action is at hand', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 })
  const prefix = uniqueName('narrow')
  const running = `${prefix}-up`
  const stopped = `${prefix}-down`
  const container = await runContainer(docker, running)
  await runContainer(docker, stopped, {}, false)
  const ui = new ContainersPage(page)
  await ui.find(prefix)
  await expect(ui.row(running).getByText('running', { exact: true })).toBeVisible()

  const widths = await ui.grid().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
  expect(widths.scroll).toBeLessThanOrEqual(widths.client)
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)

  for (const label of [`Stop ${running}`, `Open a terminal in ${running}`, `Remove ${running}`, `More actions for ${running}`])
    await expect(ui.row(running).getByRole('button', { name: label, exact: true })).toBeInViewport({ ratio: 1 })
  for (const label of [`Start ${stopped}`, `Remove ${stopped}`, `More actions for ${stopped}`])
    await expect(ui.row(stopped).getByRole('button', { name: label, exact: true })).toBeInViewport({ ratio: 1 })

  // The less common actions are in the row's menu.
  await ui.actFromMenu(running, 'Pause')
  await expect(ui.row(running).getByText('paused', { exact: true })).toBeVisible()
  expect((await container.inspect()).State.Paused).toBe(true)
  await ui.actFromMenu(running, 'Unpause')
  await expect(ui.row(running).getByText('running', { exact: true })).toBeVisible()
  await ui.actFromMenu(running, 'Kill…')
  await expect(page.getByRole('dialog', { name: /Send a signal to 1 container/ })).toContainText(running)
})
