import { expect, test } from './support/app'
import { ContainersPage } from './pages/ContainersPage'
import { DetailPage } from './pages/DetailPage'
import { TerminalPage } from './pages/TerminalPage'
import { TerminalPanelPage } from './pages/TerminalPanelPage'
import { cleanup, runLabel, TEST_IMAGE, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

/** Sessions live in main across tests; each test closes the tabs it opened (one at a time: each close redraws the bar). */
test.afterEach(async ({ page }) => {
  const close = page.getByRole('button', { name: /^Close terminal / })
  for (let left = await close.count(); left > 0; left--) {
    await close.first().click()
    await expect(close).toHaveCount(left - 1)
  }
})

test('exec: open a terminal from the list, type, resize the window, leave and come back', { tag: '@desktop' }, async ({ page }) => {
  const name = uniqueName('term')
  await runContainer(docker, name)
  const list = new ContainersPage(page)
  await list.find(name)
  await list
    .row(name)
    .getByRole('button', { name: `Open a terminal in ${name}`, exact: true })
    .click()
  const term = new TerminalPage(page)
  await expect(term.tab(new RegExp(`${name} · shell`))).toHaveAttribute('aria-selected', 'true')
  await term.type('echo hello-$RANDOM')
  await expect(term.screen()).toContainText(/hello-\d+/)

  const size = async (marker: string): Promise<number[]> => {
    await term.type(`echo "${marker}=$(stty size)."`)
    await expect(term.screen()).toContainText(new RegExp(`${marker}=\\d+ \\d+\\.`))
    const text = (await term.screen().textContent()) ?? ''
    return text
      .match(new RegExp(`${marker}=(\\d+) (\\d+)\\.`))!
      .slice(1)
      .map(Number)
  }
  const [rowsBefore, colsBefore] = await size('before')
  await page.setViewportSize({ width: 900, height: 600 })
  const [rows, cols] = await size('after')
  expect(cols).toBeLessThan(colsBefore)
  expect(rows).toBeLessThan(rowsBefore)

  await term.type('echo still-here-$((20+22))')
  await expect(term.screen()).toContainText('still-here-42')
  await page.getByRole('link', { name: 'Images', exact: true }).click()
  await term.open()
  await expect(term.screen()).toContainText('still-here-42')
  // The replay is shown once, not on top of itself.
  expect(((await term.screen().textContent()) ?? '').split('still-here-42').length - 1).toBe(1)

  await term.type('exit 3')
  await expect(term.ended()).toContainText('The process exited with code 3.')
  await expect(term.tab(new RegExp(`${name} · shell.*ended`))).toBeVisible()
})

test('exec: a flood is stopped by Ctrl-C within a second or two and the page stays responsive', async ({ page }) => {
  const name = uniqueName('flood')
  const c = await runContainer(docker, name)
  const detail = new DetailPage(page)
  await detail.open(c.id)
  // Opened beside the container, then popped out: the Terminal pane's full-size terminal, as before the panel.
  const panel = new TerminalPanelPage(page, name)
  await panel.open()
  await panel.start()
  await panel.panel().getByRole('button', { name: 'Pop out to the Terminal pane' }).click()
  const term = new TerminalPage(page)
  await expect(term.tab(new RegExp(`${name} · shell`))).toHaveAttribute('aria-selected', 'true')
  await term.type('yes wharf-flood')
  await expect(term.screen()).toContainText('wharf-flood')
  await page.waitForTimeout(1500)
  const pressed = Date.now()
  await page.keyboard.press('Control+c')
  await term.type('echo stopped-$((3*3))')
  await expect(term.screen()).toContainText('stopped-9', { timeout: 5000 })
  expect(Date.now() - pressed).toBeLessThan(4000)
  // Invalid UTF-8 shows as replacement characters; a split multi-byte character stays whole.
  await term.type("clear; printf '\\377\\376 bad, \\342'; sleep 0.3; printf '\\202\\254 whole\\n'")
  await expect(term.screen()).toContainText('\uFFFD\uFFFD bad, € whole')
})

test('attach: type into a -it container, detach with Ctrl-P Ctrl-Q, and it keeps running', { tag: '@desktop' }, async ({ page }) => {
  const name = uniqueName('attach')
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['sh'],
    Tty: true,
    OpenStdin: true,
    Labels: { 'wharf.test': runLabel },
    StopTimeout: 1,
  })
  await c.start()
  const detail = new DetailPage(page)
  await detail.open(name)
  await page.getByRole('button', { name: 'Attach', exact: true }).click()
  const term = new TerminalPage(page)
  await expect(page.getByRole('note')).toContainText('Detach with Ctrl-p Ctrl-q')
  await term.type('echo attached-$((6*7))')
  await expect(term.screen()).toContainText('attached-42')
  await page.keyboard.press('Control+p')
  await page.keyboard.press('Control+q')
  await expect(term.ended()).toContainText(`Detached. ${name} is still running.`)
  expect((await c.inspect()).State.Running).toBe(true)
})

test('attach to a container without a TTY shows its output read-only, saying why', async ({ page }) => {
  const name = uniqueName('notty')
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['sh', '-c', 'while true; do echo tick-tock; sleep 0.3; done'],
    Labels: { 'wharf.test': runLabel },
    StopTimeout: 1,
  })
  await c.start()
  const detail = new DetailPage(page)
  await detail.open(name)
  await page.getByRole('button', { name: 'Attach', exact: true }).click()
  const term = new TerminalPage(page)
  await expect(page.getByRole('note')).toContainText(`${name} was started without a terminal (-t)`)
  await expect(term.screen()).toContainText('tick-tock')
  await c.kill()
  await expect(term.ended()).toContainText('The process exited with code 137.')
})

test('the New terminal form explains bad input next to the field and opens with a chosen command', async ({ page }) => {
  const name = uniqueName('form')
  await runContainer(docker, name)
  await new ContainersPage(page).open()
  const term = new TerminalPage(page)
  await term.open()
  await page.getByRole('button', { name: 'New terminal…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New terminal' })
  await dialog.getByLabel('Container').selectOption({ label: `${name} (${TEST_IMAGE})` })
  await dialog.getByLabel('Command').fill(`sh -c 'echo "in $(pwd) as $(id -u): $GREETING`)
  await dialog.getByLabel('Working directory').fill('tmp')
  await dialog.getByLabel('Environment').fill('GREETING=hi there\nBROKEN')
  await expect(dialog.getByText('A quote is not closed.')).toBeVisible()
  await expect(dialog.getByText('The working directory is an absolute path inside the container')).toBeVisible()
  await expect(dialog.getByText('Line 2 is not KEY=VALUE.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Command').fill(`sh -c 'echo "in $(pwd) as $(id -u): $GREETING"; sleep 3600'`)
  await dialog.getByLabel('Working directory').fill('/tmp')
  await dialog.getByLabel('User').fill('65534')
  await dialog.getByLabel('Environment').fill('GREETING=hi there')
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(term.screen()).toContainText('in /tmp as 65534: hi there')
})

test('host terminal: docker ps there lists the containers Wharf shows', async ({ page }) => {
  const name = uniqueName('hostps')
  await runContainer(docker, name)
  await new ContainersPage(page).open()
  const term = new TerminalPage(page)
  await term.open()
  await page.getByRole('button', { name: 'Host terminal' }).click()
  await expect(term.tab(/host/)).toHaveAttribute('aria-selected', 'true')
  // Filtered, since on a busy engine the full list scrolls the name out of view; the
  // prefix tells docker's output from the typed command, which holds the name too.
  await term.type(`docker ps --filter name=${name} --format "found:{{.Names}}"`)
  await expect(term.screen()).toContainText(`found:${name}`)
})
