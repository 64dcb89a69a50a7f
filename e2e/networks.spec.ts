import { expect, openApp, test } from './support/app'
import { cleanup, runContainer, runLabel, testDocker } from './support/engine'

const docker = testDocker()
const network = `e2e-net-${runLabel}`
const octet = 100 + (parseInt(runLabel.slice(-2), 16) % 100)
test.afterAll(async () => {
  await cleanup(docker)
  await docker
    .getNetwork(network)
    .remove()
    .catch(() => undefined)
})

test('create a network, connect a container, see it in the topology and open it from there', { tag: '@desktop' }, async ({ page }) => {
  const container = `e2e-netc-${runLabel}`
  await runContainer(docker, container)
  await openApp(page)
  await page.getByRole('link', { name: 'Networks', exact: true }).click()
  await expect(page.getByRole('row').filter({ hasText: 'bridge' }).first()).toContainText('built-in')

  await page.getByRole('button', { name: 'Create network…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a network' })
  await dialog.getByLabel('Name').fill(network)
  await dialog.getByLabel('Subnet').fill('10.300.0.0/24')
  await expect(dialog.getByText('A subnet is a CIDR, e.g. 172.28.0.0/16 or fd00:28::/64')).toBeVisible()
  // IPv6 is understood, and needs its option (the engine would take it and give no container an IPv6 address).
  await dialog.getByLabel('Subnet').fill('fd00:99::/64')
  await expect(dialog.getByText('An IPv6 subnet needs the IPv6 option on')).toBeVisible()
  await dialog.getByRole('checkbox', { name: 'IPv6' }).check()
  await expect(dialog.getByText('An IPv6 subnet needs the IPv6 option on')).toHaveCount(0)
  await dialog.getByRole('checkbox', { name: 'IPv6' }).uncheck()
  await dialog.getByLabel('Subnet').fill(`10.232.${octet}.0/24`)
  await dialog.getByLabel('Gateway').fill('10.9.9.1')
  await expect(dialog.getByText(`The gateway 10.9.9.1 is not inside 10.232.${octet}.0/24`)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled()
  await dialog.getByLabel('Gateway').fill(`10.232.${octet}.1`)
  await dialog.getByLabel('Labels').fill(`wharf.test=${runLabel}`)
  await dialog.getByRole('button', { name: 'Create' }).click()

  await expect(page.getByRole('heading', { name: network })).toBeVisible()
  await page.getByRole('button', { name: 'Connect a container…' }).click()
  const connect = page.getByRole('dialog', { name: 'Connect a container' })
  // No container is picked for the user; a search narrows the list.
  await expect(connect.getByLabel('Container', { exact: true })).toHaveValue('')
  await expect(connect.getByRole('button', { name: 'Connect' })).toBeDisabled()
  await connect.getByLabel('Find a container').fill(container.slice(-8))
  await expect(connect.getByLabel('Container', { exact: true }).getByRole('option')).toHaveCount(1)
  await connect.getByLabel('Container', { exact: true }).selectOption({ label: `${container} (running)` })
  await connect.getByLabel('Static IPv4').fill(`10.232.${octet}.50`)
  await connect.getByRole('button', { name: 'Connect' }).click()
  const row = page.getByRole('row').filter({ hasText: container })
  await expect(row).toContainText(`10.232.${octet}.50`)

  await page.getByRole('link', { name: 'Networks', exact: true }).first().click()
  await page.getByRole('tab', { name: 'Topology' }).click()
  const picture = page.getByRole('img', { name: 'Network topology' })
  await expect(picture.getByRole('link', { name: `Network ${network}` })).toBeVisible()
  await expect(picture.getByRole('link', { name: `Container ${container}` })).toContainText(`${network} 10.232.${octet}.50`)
  await picture.getByRole('link', { name: `Container ${container}` }).click()
  await expect(page.getByRole('heading', { name: container })).toBeVisible()

  // Removing a network in use is refused, naming the container.
  await openApp(page)
  await page.getByRole('link', { name: 'Networks', exact: true }).click()
  await page.getByRole('row').filter({ hasText: network }).getByRole('button', { name: 'Remove' }).click()
  await page.getByRole('dialog', { name: 'Remove network' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('alert')).toContainText(container)
})
