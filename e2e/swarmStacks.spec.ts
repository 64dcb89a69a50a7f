/**
 * Swarm stacks (E6) as a person deploys and removes one, in browser mode, on the private
 * swarm test engine (scripts/lib/swarmEngines.mjs — never the shared one): the Deploy
 * button first explains what an engine outside a swarm lacks; then, on a manager, a
 * two-service stack goes up from its compose file through `docker stack deploy`, shows
 * on its page, and is removed with everything it made.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Dockerode from 'dockerode'
import { TEST_IMAGE } from '../scripts/lib/dockerd.mjs'
import { MANAGER_ADDR, SWARM_APP_IMAGES, startSwarmEngines } from '../scripts/lib/swarmEngines.mjs'
import { expect, openApp, test } from './support/app'

const ENGINE = 'Stack manager'
const STACK = 'e2e-shop'
let manager: Dockerode
let managerSocket: string
const folder = mkdtempSync(join(tmpdir(), 'wharf-stack-e2e-'))
const file = join(folder, 'stack.yml')

async function leave(docker: Dockerode): Promise<void> {
  await docker.swarmLeave({ force: true }).catch((err: { statusCode?: number }) => {
    if (err.statusCode !== 503) throw err
  })
}

test.beforeAll(async () => {
  const env = await startSwarmEngines(() => undefined)
  managerSocket = env.WHARF_TEST_SWARM_MANAGER.slice('unix://'.length)
  manager = new Dockerode({ socketPath: managerSocket })
  await leave(new Dockerode({ socketPath: env.WHARF_TEST_SWARM_WORKER.slice('unix://'.length) }))
  await leave(manager)
  writeFileSync(join(folder, 'token.txt'), 'not-a-real-token\n')
  writeFileSync(
    file,
    [
      'version: "3.8"',
      'services:',
      '  web:',
      `    image: ${SWARM_APP_IMAGES[0]}`,
      '    deploy:',
      '      replicas: 2',
      '  worker:',
      `    image: ${TEST_IMAGE}`,
      `    command: ["sh", "-c", "trap 'exit 0' TERM; echo worker up; while :; do sleep 1; done"]`,
      '    secrets: [token]',
      'secrets:',
      '  token:',
      '    file: ./token.txt',
      '',
    ].join('\n'),
  )
})

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage()
  await openApp(page, '/engines')
  const remove = page.getByRole('button', { name: `Remove ${ENGINE}` })
  if ((await remove.count()) > 0) {
    await remove.click()
    await page.getByRole('dialog', { name: 'Remove engine' }).getByRole('button', { name: 'Remove' }).click()
  }
  await page.close()
  await leave(manager)
  rmSync(folder, { recursive: true, force: true })
})

test('deploy a stack from a compose file, see it on its page, and remove it', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page, '/engines')
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const add = page.getByRole('dialog', { name: 'Add an engine' })
  await add.getByLabel('Name').fill(ENGINE)
  await add.getByLabel('Connection').selectOption('unix')
  await add.getByLabel('Socket path').fill(managerSocket)
  await add.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('link', { name: 'Swarm' }).click()

  // Outside a swarm, Deploy explains what a stack needs and stays off.
  await page.getByRole('button', { name: 'Deploy stack…' }).click()
  let dialog = page.getByRole('dialog', { name: 'Deploy a stack' })
  await expect(dialog.getByRole('alert')).toContainText('This engine is not in a swarm, and a stack needs a swarm manager')
  await expect(dialog.getByRole('button', { name: 'Deploy', exact: true })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The engine has two addresses: it names them when asked to choose, and one is picked.
  const init = page.getByRole('form', { name: 'Initialize a swarm here' })
  await init.getByRole('button', { name: 'Initialize' }).click()
  await init.getByRole('radio', { name: `${MANAGER_ADDR} (wswarm-peer)` }).check()
  await init.getByRole('button', { name: 'Initialize' }).click()
  await expect(page.getByText('1 nodes · 1 managers · 0 services')).toBeVisible()
  await page.getByRole('tab', { name: 'Stacks' }).click()
  await expect(page.getByText('No stacks on this swarm.')).toBeVisible()

  await page.getByRole('button', { name: 'Deploy stack…' }).click()
  dialog = page.getByRole('dialog', { name: 'Deploy a stack' })
  await expect(dialog.getByRole('status')).toHaveText(/^Runs docker stack deploy with the docker CLI \d+\.\d+/)
  await dialog.getByLabel('Compose file').fill('stack.yml')
  await expect(dialog.getByText('An absolute path on the machine running Wharf, e.g.')).toBeVisible()
  await dialog.getByLabel('Compose file').fill(file)
  await dialog.getByRole('button', { name: 'Show' }).click()
  await expect(dialog.getByLabel(`Contents of ${file}`)).toContainText(`image: ${SWARM_APP_IMAGES[0]}`)
  await dialog.getByLabel('Stack name').fill('My Shop')
  await expect(dialog.getByText('A stack name is lowercase letters, digits, _ and -')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Deploy', exact: true })).toBeDisabled()
  await dialog.getByLabel('Stack name').fill(STACK)
  await dialog.getByLabel('Image digests').selectOption('never')
  await expect(dialog.getByTestId('stack-twin')).toHaveText(`docker stack deploy -c ${file} --resolve-image never ${STACK}`)
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()

  // The stack's page fills in as the services come up; the deploy's output is in the tasks dock.
  await expect(page.getByRole('heading', { name: `Stack ${STACK}`, level: 1 })).toBeVisible()
  await expect(page.getByRole('listitem', { name: new RegExp(`^Stack deploy ${STACK} \\(docker `) })).toBeVisible()
  await expect(page.getByText('2 services · 3/3 tasks running')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText(`${STACK}_default`, { exact: true })).toBeVisible()
  await expect(page.getByText(`${STACK}_token`, { exact: true })).toBeVisible()
  await page.getByRole('link', { name: `${STACK}_web` }).click()
  await expect(page.getByRole('heading', { name: `${STACK}_web`, level: 1 })).toBeVisible()
  await page.goBack()

  // Listed under Stacks, with a link to its page.
  await page.getByRole('link', { name: '← Stacks' }).click()
  const listed = page.getByRole('region', { name: `Stack ${STACK}` })
  await expect(listed.getByRole('link', { name: `${STACK}_worker` })).toBeVisible()
  await listed.getByRole('link', { name: STACK, exact: true }).click()

  // Remove: asked first, naming all that goes.
  await page.getByRole('button', { name: 'Remove stack…' }).click()
  const confirm = page.getByRole('dialog', { name: `Remove stack ${STACK}?` })
  await expect(confirm.getByRole('listitem')).toHaveText([
    `service ${STACK}_web (2/2 running)`,
    `service ${STACK}_worker (1/1 running)`,
    `network ${STACK}_default`,
    `secret ${STACK}_token`,
  ])
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Removing stack ${STACK}` })).toBeVisible()
  await expect(page.getByText(`Nothing of stack ${STACK} is on this swarm.`)).toBeVisible({ timeout: 60_000 })
  expect(await manager.listServices()).toEqual([])
  expect((await manager.listNetworks()).map((n) => n.Name)).not.toContain(`${STACK}_default`)
})
