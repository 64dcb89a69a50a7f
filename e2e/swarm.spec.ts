/**
 * Swarm's main journey (E6) as a person takes it, in browser mode: add a private dockerd
 * (in a network namespace of its own, scripts/lib/swarmEngines.mjs — never the shared
 * test engine) as an engine, initialise a swarm on it choosing among the addresses the
 * engine names, create a service from the form, scale it, remove it, leave the swarm.
 */
import Dockerode from 'dockerode'
import { MANAGER_ADDR, SWARM_APP_IMAGES, startSwarmEngines } from '../scripts/lib/swarmEngines.mjs'
import { expect, openApp, test } from './support/app'

const ENGINE = 'Swarm manager'
let manager: Dockerode
let managerSocket: string

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
})

test('initialise a swarm, create a service, scale it, remove it and leave', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, '/engines')
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const add = page.getByRole('dialog', { name: 'Add an engine' })
  await add.getByLabel('Name').fill(ENGINE)
  await add.getByLabel('Connection').selectOption('unix')
  await add.getByLabel('Socket path').fill(managerSocket)
  await add.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page).toHaveURL(/#\/e\/swarm-manager\/containers/)
  await page.getByRole('link', { name: 'Swarm' }).click()
  await expect(page.getByRole('heading', { name: 'Swarm', level: 1 })).toBeVisible()
  await expect(page.getByText('Swarm is Docker’s own orchestrator')).toBeVisible()

  // The engine has two addresses and says so; it offers them to choose from.
  const init = page.getByRole('form', { name: 'Initialize a swarm here' })
  await init.getByRole('button', { name: 'Initialize' }).click()
  await expect(init.getByRole('alert')).toContainText('could not choose an IP address to advertise')
  await init.getByRole('radio', { name: `${MANAGER_ADDR} (wswarm-peer)` }).check()
  await expect(init.getByLabel('Advertise address')).toHaveValue(MANAGER_ADDR)
  await init.getByRole('button', { name: 'Initialize' }).click()
  await expect(page.getByText('1 nodes · 1 managers · 0 services')).toBeVisible()
  await page.getByRole('button', { name: 'Join tokens…' }).click()
  const tokens = page.getByRole('dialog', { name: 'Add a node to this swarm' })
  await expect(tokens.getByRole('region', { name: 'As a worker' })).toContainText(`docker swarm join --token SWMTKN-1-`)
  await expect(tokens.getByRole('region', { name: 'As a worker' })).toContainText(`${MANAGER_ADDR}:2377`)
  await tokens.getByRole('button', { name: 'Close' }).click()

  // Create from the form; its CLI twin says the same.
  await page.getByRole('button', { name: 'Create service…' }).click()
  const form = page.getByRole('dialog', { name: 'Create a service' })
  await form.getByLabel('Image').fill(SWARM_APP_IMAGES[0])
  await form.getByLabel('Name').fill('e2e-web')
  await form.getByLabel('Replicas').fill('2')
  await form.getByLabel('Environment').fill('GREETING=hello')
  await form.getByLabel('Published ports').fill('not-a-port')
  await expect(form.getByText('Cannot read “not-a-port”')).toBeVisible()
  await expect(form.getByRole('button', { name: 'Create' })).toBeDisabled()
  await form.getByLabel('Published ports').fill('')
  await expect(form.getByTestId('service-twin')).toHaveText(
    `docker service create --name e2e-web --replicas 2 --env GREETING=hello ${SWARM_APP_IMAGES[0]}`,
  )
  await form.getByRole('button', { name: 'Create' }).click()

  // The service's page: its tasks come up, and their log lines, named by task.
  await expect(page.getByRole('heading', { name: 'e2e-web', level: 1 })).toBeVisible()
  await expect(page.getByLabel('2 running of 2 wanted')).toBeVisible({ timeout: 30_000 })
  const tasks = page.getByRole('region', { name: 'Tasks' })
  await expect(tasks.getByRole('row').filter({ hasText: 'running' })).toHaveCount(2)
  await expect(page.getByRole('log')).toContainText(/e2e-web\.[12]\s*app v1 up on/, { timeout: 20_000 })

  // Scale from the list.
  await page.getByRole('link', { name: '← Swarm' }).click()
  const pane = page.getByRole('region', { name: 'Swarm' })
  await page.getByRole('button', { name: 'Scale e2e-web' }).click()
  const scale = page.getByRole('dialog', { name: 'Scale e2e-web' })
  await scale.getByLabel('Replicas').fill('3')
  await scale.getByRole('button', { name: 'Scale' }).click()
  await expect(pane.getByRole('status')).toContainText('e2e-web scaled to 3')
  await expect(page.getByTitle('3 running of 3 wanted')).toBeVisible({ timeout: 30_000 })

  // Remove, asked first.
  await page.getByRole('button', { name: 'Remove e2e-web' }).click()
  await page.getByRole('dialog', { name: 'Remove the service?' }).getByRole('button', { name: 'Remove' }).click()
  await expect(pane.getByRole('status')).toContainText('e2e-web removed')
  await expect(page.getByRole('link', { name: 'e2e-web' })).toHaveCount(0)
  expect(await manager.listServices()).toEqual([])

  // Leave: a manager is forced out, after saying what that costs.
  await page.getByRole('button', { name: 'Leave swarm…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Leave the swarm?' })
  await expect(confirm).toContainText('This engine is a manager')
  await confirm.getByRole('button', { name: 'Leave' }).click()
  await expect(page.getByRole('form', { name: 'Initialize a swarm here' })).toBeVisible()
  expect(((await manager.info()) as { Swarm: { LocalNodeState: string } }).Swarm.LocalNodeState).toBe('inactive')
})
