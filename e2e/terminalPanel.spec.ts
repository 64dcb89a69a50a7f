import { expect, test } from './support/app'
import { DetailPage } from './pages/DetailPage'
import { TerminalPage } from './pages/TerminalPage'
import { TerminalPanelPage } from './pages/TerminalPanelPage'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

// The exec terminal docked beside a container's page (issue 14).
const docker = testDocker()
test.afterAll(() => cleanup(docker))

/** Sessions live in main across tests; each test ends the ones it opened. */
test.afterEach(async ({ page }) => {
  const close = page.getByRole('button', { name: /^Close terminal / })
  for (let left = await close.count(); left > 0; left--) {
    await close.first().click()
    await expect(close).toHaveCount(left - 1)
  }
})

test(
  'panel: open beside the container, type, resize by keyboard, switch tabs and pages, pop out, close',
  { tag: '@desktop' },
  async ({ page }) => {
    // A long journey through one session: four pages, a reload, two terminals.
    test.setTimeout(120_000)
    await page.setViewportSize({ width: 1440, height: 900 })
    const name = uniqueName('panel')
    const c = await runContainer(docker, name)
    const detail = new DetailPage(page)
    await detail.open(c.id)
    const panel = new TerminalPanelPage(page, name)
    await panel.open()
    await expect(page.getByRole('button', { name: 'Open terminal' })).toHaveAttribute('aria-expanded', 'true')
    await panel.start()
    await panel.type('echo hi')
    await expect(panel.row('hi')).toHaveCount(1)

    // Wide window: docked on the right; the keyboard widens it and the TTY follows.
    const resizer = panel.resizer()
    await expect(resizer).toHaveAttribute('aria-orientation', 'vertical')
    const before = Number(await resizer.getAttribute('aria-valuenow'))
    const tty = await panel.ttySize('before')
    await resizer.focus()
    await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press('Shift+ArrowLeft')
    await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 160))
    expect(Math.round((await panel.panel().boundingBox())!.width)).toBe(before + 160)
    const wider = await panel.ttySize('after')
    expect(wider.cols).toBeGreaterThan(tty.cols)

    // Another detail tab, another page, a reload: the same session, shown again.
    await panel.type('echo mark-$((40+2))')
    await expect(panel.row('mark-42')).toHaveCount(1)
    await detail.tab('Inspect')
    await detail.tab('Logs')
    await expect(panel.row('mark-42')).toHaveCount(1)
    await page.getByRole('link', { name: 'Images', exact: true }).click()
    await expect(panel.panel()).toBeHidden()
    await page.goBack()
    await expect(panel.row('mark-42')).toHaveCount(1)
    await page.reload()
    await expect(panel.row('mark-42')).toHaveCount(1)
    await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 160))

    // Pop out: the same session becomes the Terminal pane's front tab, and leaves the panel.
    await panel.panel().getByRole('button', { name: 'Pop out to the Terminal pane' }).click()
    const term = new TerminalPage(page)
    await expect(term.tab(new RegExp(`${name} · shell`))).toHaveAttribute('aria-selected', 'true')
    await expect(term.screen()).toContainText('mark-42')
    await page.goBack()
    await expect(panel.panel()).toBeHidden()

    // A second panel session, ended by the panel's close button; the popped-out one stays.
    await panel.open()
    await panel.start()
    await panel.type('echo second')
    await expect(panel.row('second')).toHaveCount(1)
    await panel
      .panel()
      .getByRole('button', { name: /^Close terminal / })
      .click()
    await expect(panel.panel()).toBeHidden()
    await term.open()
    await expect(page.getByRole('tab', { name: new RegExp(`${name} · shell`) })).toHaveCount(1)
    await expect(term.screen()).toContainText('mark-42')
  },
)

test('panel: at the bottom in a narrow window, resized with the arrow keys; a bad command is refused next to the field', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 700 })
  const name = uniqueName('panelnarrow')
  const c = await runContainer(docker, name)
  await new DetailPage(page).open(c.id)
  const panel = new TerminalPanelPage(page, name)
  await panel.open()
  await panel.panel().getByRole('textbox', { name: 'Command' }).fill('sh -c "echo')
  await panel.panel().getByRole('button', { name: 'Start terminal' }).click()
  await expect(panel.panel().getByText('A quote is not closed.')).toBeVisible()
  await expect(panel.terminal()).toHaveCount(0)

  await panel.panel().getByRole('textbox', { name: 'Command' }).fill('/no/such/shell')
  await panel.panel().getByRole('button', { name: 'Start terminal' }).click()
  await expect(panel.terminal()).toBeVisible()
  await expect(panel.panel().getByRole('status')).toContainText(/exited with code 1\d\d/)
  await panel.panel().getByRole('button', { name: 'Close', exact: true }).click()
  await expect(panel.panel().getByRole('button', { name: 'Start terminal' })).toBeVisible()

  await panel.panel().getByRole('textbox', { name: 'Command' }).fill('')
  await panel.start()
  const resizer = panel.resizer()
  await expect(resizer).toHaveAttribute('aria-orientation', 'horizontal')
  const tty = await panel.ttySize('low')
  const before = Number(await resizer.getAttribute('aria-valuenow'))
  await resizer.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 32))
  const taller = await panel.ttySize('high')
  expect(taller.rows).toBeGreaterThan(tty.rows)
  await page.screenshot({ path: 'test-results/terminal-panel-1000.png' })
})
