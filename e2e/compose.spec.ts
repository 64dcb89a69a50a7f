import { execFile } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { desktopOf, expect, openApp, test } from './support/app'
import { cleanup, runLabel, TEST_IMAGE, testDocker } from './support/engine'

// The seeds' Compose example — a `web` service built from a local context, publishing a
// port, and a `redis` service from an image — made from busybox, brought up from its file
// through "Open project…" (which runs the user's compose tool: Debian's docker-compose
// here), then driven from the UI.
const docker = testDocker()
const run = promisify(execFile)
const project = `wharfe2e${runLabel.slice(4)}`
const folder = mkdtempSync(join(tmpdir(), 'wharf-compose-e2e-'))

function writeProject(): void {
  mkdirSync(join(folder, 'web'))
  writeFileSync(
    join(folder, 'web', 'Dockerfile'),
    [
      `FROM ${TEST_IMAGE}`,
      "RUN mkdir -p /www && echo 'Hello from web' > /www/index.html",
      'CMD ["sh", "-c", "echo web listening on 5000; exec httpd -f -v -p 5000 -h /www"]',
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(folder, 'docker-compose.yml'),
    [
      'version: "3"',
      'services:',
      '  web:',
      '    build: ./web',
      '    ports: ["5000"]',
      `    labels: { wharf.test: ${runLabel} }`,
      // httpd as PID 1 ignores SIGTERM: without this each stop waits the engine's 10 s.
      '    stop_signal: SIGKILL',
      '  redis:',
      `    image: ${TEST_IMAGE}`,
      `    labels: { wharf.test: ${runLabel} }`,
      '    stop_signal: SIGKILL',
      '    command: ["sh", "-c", "i=0; while true; do i=$$((i+1)); echo redis tick $$i; usleep 200000; done"]',
      '',
    ].join('\n'),
  )
}

const compose = (...args: string[]) => run('docker-compose', ['-p', project, ...args], { cwd: folder, env: process.env })

test.beforeAll(() => writeProject())
test.afterAll(async () => {
  await compose('down', '--rmi', 'local').catch(() => undefined)
  await cleanup(docker)
  rmSync(folder, { recursive: true, force: true })
})

test('a compose project up from its file: its services, merged logs, a service restart and taking it down', async ({ page }) => {
  test.setTimeout(240_000)
  await openApp(page)
  await page.getByRole('link', { name: 'Compose', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Compose' })).toBeVisible()

  // Open the file: bad paths are refused plainly, the file is shown, `up -d --build` runs as a task.
  await page.getByRole('button', { name: 'Open project…' }).click()
  const open = page.getByRole('dialog', { name: 'Open a compose project' })
  await expect(open.getByRole('status')).toHaveText(/^Runs with docker-compose 1\.\d+\.\d+, on this engine\.$/)
  await open.getByLabel('Compose file').fill('docker-compose.yml')
  await expect(open.getByText('An absolute path on the machine running Wharf')).toBeVisible()
  await open.getByLabel('Compose file').fill(join(folder, 'nothing-here.yml'))
  await open.getByRole('button', { name: 'Show file' }).click()
  await expect(open.getByRole('alert')).toHaveText(`No file at ${join(folder, 'nothing-here.yml')}`)
  await open.getByLabel('Compose file').fill(join(folder, 'docker-compose.yml'))
  await open.getByRole('button', { name: 'Show file' }).click()
  await expect(open.getByLabel(`Contents of ${join(folder, 'docker-compose.yml')}`)).toContainText('build: ./web')
  await open.getByLabel('Project name').fill(project)
  await open.getByLabel('Build images before starting (--build)').check()
  await open.getByRole('button', { name: 'Up', exact: true }).click()
  const task = page.getByRole('listitem', { name: /^Compose up / }).filter({ hasText: project })
  await expect(task.getByRole('status')).toHaveText('done', { timeout: 120_000 })
  await expect(task.getByLabel(/^Build output of /)).toContainText(`Creating ${project}_web_1`)
  await open.getByRole('button', { name: 'Close' }).click()

  // The container list's project row leads to the project, as the Compose pane does.
  await page.getByRole('link', { name: 'Containers', exact: true }).click()
  await page.getByRole('link', { name: `Open project ${project}` }).click()
  await expect(page.getByRole('heading', { name: project })).toBeVisible()
  await expect(page.getByText(folder, { exact: true })).toBeVisible()

  // Both services, each with its container; web's published port is a link that answers.
  // A service is a heading row (with its actions) over its containers' rows.
  const services = page.getByRole('grid', { name: 'Services' })
  const serviceRow = (name: string) => services.getByRole('row').filter({ has: page.getByRole('button', { name: `Restart ${name}` }) })
  await expect(serviceRow('web')).toContainText('1/1 running')
  await expect(serviceRow('redis')).toContainText('1/1 running')
  const portLink = services.getByRole('link', { name: new RegExp(`^Open port \\d+ of ${project}[_-]web[_-]1 in the browser$`) }).first()
  const href = await portLink.getAttribute('href')
  expect(href).toMatch(/^http:\/\/localhost:\d+\/$/)
  expect(await (await fetch(href!)).text()).toContain('Hello from web')

  // One merged log: both services, each line labelled; a filter narrows it to one.
  await page.getByRole('tab', { name: 'Logs' }).click()
  const log = page.getByRole('log', { name: 'Log output' })
  await expect(log).toContainText('redis tick')
  // The web line is older than the screenful of redis ticks: search brings it into view.
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('web listening')
  await page.getByRole('searchbox', { name: 'Search logs' }).press('Enter')
  await expect(log).toContainText('web listening on 5000')
  await expect(page.getByText('1 of 1', { exact: true })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('')
  // Only redis: the web line is not among the lines held at all.
  await page.getByRole('button', { name: 'Show redis' }).click()
  await expect(page.getByRole('button', { name: 'Show redis' })).toHaveAttribute('aria-pressed', 'true')
  await expect(log).toContainText('redis tick')
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('web listening')
  await expect(page.getByText('No match', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'All services' }).click()
  await expect(page.getByText('1 of 1', { exact: true }).or(page.getByText('0 of 1', { exact: true }))).toBeVisible()

  // Restart one service: only its container restarts.
  const webId = (
    await docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=web'] } })
  )[0].Id
  const redisId = (
    await docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=redis'] } })
  )[0].Id
  const started = async (id: string) => (await docker.getContainer(id).inspect()).State.StartedAt
  const [webBefore, redisBefore] = [await started(webId), await started(redisId)]
  await page.getByRole('tab', { name: 'Services' }).click()
  await page.getByRole('button', { name: 'Restart web' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restart web: 1 container done' })).toBeVisible()
  expect(await started(webId)).not.toBe(webBefore)
  expect(await started(redisId)).toBe(redisBefore)

  // Take it down: the containers, then (asked separately, listed first) its network.
  await page.getByRole('button', { name: 'Remove…' }).click()
  await page
    .getByRole('dialog', { name: `Remove project ${project}` })
    .getByRole('button', { name: 'Remove containers' })
    .click()
  const resources = page.getByRole('dialog', { name: `Networks and volumes of ${project}` })
  await resources.getByRole('checkbox', { name: `Network ${project}_default` }).check()
  await resources.getByRole('button', { name: 'Remove selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Removed ${project}_default.` })).toBeVisible()
  await expect(page.getByText(`No project named ${project} on this engine`)).toBeVisible()
  expect(await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } })).toEqual([])
  expect(await docker.listNetworks({ filters: { label: [`com.docker.compose.project=${project}`] } })).toEqual([])
})

// The desktop window picks the file with the native dialog (the harness answers it as the
// user would); browser mode, which has no dialog of the machine running Wharf, types it.
test(
  'Open project… takes the file from the native dialog in the desktop, and Config runs the tool as a task',
  { tag: '@desktop' },
  async ({ page }) => {
    const file = join(folder, 'docker-compose.yml')
    await openApp(page)
    await page.getByRole('link', { name: 'Compose', exact: true }).click()
    await page.getByRole('button', { name: 'Open project…' }).click()
    const open = page.getByRole('dialog', { name: 'Open a compose project' })
    const desktop = desktopOf(page)
    if (desktop) {
      desktop.answerDialog(file)
      await open.getByRole('button', { name: 'Choose…' }).click()
      await expect(open.getByLabel('Compose file')).toHaveValue(file)
    } else {
      await expect(open.getByRole('button', { name: 'Choose…' })).toHaveCount(0)
      await open.getByLabel('Compose file').fill(file)
      await open.getByRole('button', { name: 'Show file' }).click()
    }
    await expect(open.getByLabel(`Contents of ${file}`)).toContainText('build: ./web')
    await open.getByLabel('Project name').fill(`${project}cfg`)
    await open.getByRole('button', { name: 'Config', exact: true }).click()
    const task = page.getByRole('listitem', { name: /^Compose config / }).filter({ hasText: `${project}cfg` })
    await expect(task.getByRole('status')).toHaveText('done', { timeout: 60_000 })
    // The tool's own reading of the file: the SIGKILL stop signal, normalised by docker-compose.
    await expect(task.getByLabel(/output of /)).toContainText('stop_signal: SIGKILL')
  },
)
