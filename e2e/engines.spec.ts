/**
 * Several engines in one window (E2, E3), as a user adds them: a TLS-protected daemon with
 * its certificates given as files, and a server over SSH whose host key is shown and
 * accepted. Test connection first, then Add; the switcher moves the panes between
 * engines; each engine shows its own containers.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sshFingerprint, sshHostKey, startSshd, startTlsEngine } from '../scripts/lib/remoteEngines.mjs'
import { ContainersPage } from './pages/ContainersPage'
import { expect, openApp, test } from './support/app'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
let tls: { port: string; dir: string }
let ssh: { port: string; dir: string }

test.beforeAll(async () => {
  const t = await startTlsEngine(() => undefined)
  tls = { port: t.WHARF_TEST_TLS_PORT, dir: t.WHARF_TEST_TLS_DIR }
  const s = await startSshd(() => undefined, 'host_a')
  ssh = { port: s.WHARF_TEST_SSH_PORT, dir: s.WHARF_TEST_SSH_DIR }
})
test.afterAll(() => cleanup(docker))

test('add a TLS engine, switch to it and back, then remove it', async ({ page }) => {
  const name = uniqueName('only-on-local')
  await runContainer(docker, name)
  await openApp(page, '/engines')
  await expect(page.getByRole('heading', { name: 'Engines', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an engine' })
  await dialog.getByLabel('Name').fill('TLS box')
  await dialog.getByLabel('Connection').selectOption('tls')
  await dialog.getByLabel('Host').fill('127.0.0.1')
  await dialog.getByLabel('Port').fill(tls.port)
  await dialog.getByLabel('CA certificate').fill(join(tls.dir, 'other-ca.pem'))
  await dialog.getByLabel('Client certificate (optional)').fill(join(tls.dir, 'client.pem'))
  await dialog.getByLabel('Client key (optional)').fill(join(tls.dir, 'client-key.pem'))
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('status')).toContainText('not signed by the CA you gave')
  await dialog.getByLabel('CA certificate').fill(join(tls.dir, 'ca.pem'))
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('status')).toContainText(/Reached Docker .* \(API 1\.\d+\)/)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()

  // The new engine's panes: its own containers, not the main engine's.
  await expect(page).toHaveURL(/#\/e\/tls-box\/containers/)
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  const list = new ContainersPage(page)
  await list.search(name)
  await expect(list.row(name)).toHaveCount(0)
  const switcher = page.getByLabel('Engine', { exact: true })
  await expect(switcher).toContainText('TLS box')
  await switcher.selectOption({ label: (await switcher.locator('option', { hasText: 'Local' }).textContent()) ?? '' })
  await expect(page).toHaveURL(/#\/e\/local\/containers/)
  await list.search(name)
  await expect(list.row(name)).toBeVisible()

  await page.getByRole('link', { name: 'Engines', exact: true }).click()
  await page.getByRole('button', { name: 'Remove TLS box' }).click()
  await page.getByRole('dialog', { name: 'Remove engine' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'TLS box' })).toHaveCount(0)
  await expect(switcher.locator('option')).toHaveCount(1)
})

test('an SSH engine: the host key is shown as ssh shows it and accepted, then it connects', async ({ page }) => {
  await openApp(page, '/engines')
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an engine' })
  await dialog.getByLabel('Name').fill('Over SSH')
  await dialog.getByLabel('Connection').selectOption('ssh')
  await dialog.getByLabel('User').fill('root')
  await dialog.getByLabel('Host').fill('127.0.0.1')
  await dialog.getByLabel('Port').fill(ssh.port)
  await dialog.getByLabel('Private key file (optional)').fill(join(ssh.dir, 'client'))
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('status')).toContainText('not in your known_hosts')
  await expect(dialog.getByRole('status')).toContainText(sshFingerprint('host_a'))
  await dialog.getByRole('button', { name: 'Accept this key' }).click()
  await expect(dialog.getByRole('status')).toContainText(/Reached Docker/)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page).toHaveURL(/#\/e\/over-ssh\/containers/)
  await expect(page.getByRole('status', { name: /Docker .* Connected/ })).toBeVisible()

  await page.getByRole('link', { name: 'Engines', exact: true }).click()
  await page.getByRole('button', { name: 'Remove Over SSH' }).click()
  await page.getByRole('dialog', { name: 'Remove engine' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Over SSH' })).toHaveCount(0)
})

test('an SSH key with a passphrase Wharf does not have: it is asked for, a wrong one is refused, the right one connects', async ({
  page,
}) => {
  // A key of the user's own, protected by a passphrase, that the server accepts; the host
  // is one the user has reached with ssh before (its key is in known_hosts).
  const home = mkdtempSync(join(tmpdir(), 'wharf-e2e-locked-'))
  const key = join(home, 'id_locked')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'open sesame 42', '-C', 'locked', '-f', key])
  const authorized = join(ssh.dir, 'authorized_keys')
  const client = readFileSync(authorized, 'utf8').split('\n')[0]
  appendFileSync(authorized, `${client.slice(0, client.indexOf('" ') + 1)} ${readFileSync(`${key}.pub`, 'utf8')}`)
  appendFileSync(process.env.WHARF_KNOWN_HOSTS ?? '', `[127.0.0.1]:${ssh.port} ${sshHostKey('host_a')}\n`)

  await openApp(page, '/engines')
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an engine' })
  await dialog.getByLabel('Name').fill('Locked key')
  await dialog.getByLabel('Connection').selectOption('ssh')
  await dialog.getByLabel('User').fill('root')
  await dialog.getByLabel('Host').fill('127.0.0.1')
  await dialog.getByLabel('Port').fill(ssh.port)
  await dialog.getByLabel('Private key file (optional)').fill(key)
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('status')).toContainText('protected by a passphrase')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()

  // The engine's pane says what it lacks and asks for it.
  await expect(page).toHaveURL(/#\/e\/locked-key\/containers/)
  await page.getByRole('button', { name: 'Enter passphrase' }).click()
  const ask = page.getByRole('dialog', { name: 'Passphrase for Locked key' })
  await expect(ask).toContainText(key)
  await ask.getByLabel('Key passphrase').fill('not it')
  await ask.getByRole('button', { name: 'Connect' }).click()
  await expect(ask.getByRole('alert')).toContainText('does not open the SSH key')
  await ask.getByLabel('Key passphrase').fill('open sesame 42')
  await ask.getByRole('button', { name: 'Connect' }).click()
  await expect(ask).toBeHidden()
  await expect(page.getByRole('status', { name: /Docker .* Connected/ })).toBeVisible()

  await page.getByRole('link', { name: 'Engines', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Enter passphrase Locked key' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Remove Locked key' }).click()
  await page.getByRole('dialog', { name: 'Remove engine' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Locked key' })).toHaveCount(0)
})
