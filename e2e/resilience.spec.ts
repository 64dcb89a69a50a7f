/**
 * One of several engines lost and back (E3): a TLS-protected dockerd added in the UI is
 * frozen (SIGSTOP, as a laptop asleep) while its container's log is followed. The window
 * says the engine stopped answering within 2 s, the log says after which line it
 * stopped, the main engine works on in another tab, and when the daemon thaws the log
 * goes on by itself from where it stopped.
 */
import Dockerode from 'dockerode'
import { join } from 'node:path'
import { ensureTestImage } from '../scripts/lib/dockerd.mjs'
import { startTlsEngine, tlsEnginePid, tlsEngineSocket } from '../scripts/lib/remoteEngines.mjs'
import { ContainersPage } from './pages/ContainersPage'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './support/app'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
const remote = new Dockerode({ socketPath: tlsEngineSocket() })
const counter = uniqueName('counter')
let tls: { port: string; dir: string }

test.beforeAll(async () => {
  const t = await startTlsEngine(() => undefined)
  tls = { port: t.WHARF_TEST_TLS_PORT, dir: t.WHARF_TEST_TLS_DIR }
  await ensureTestImage(tlsEngineSocket(), () => undefined)
  const c = await remote.createContainer({
    Image: 'wharf-test/busybox:latest',
    name: counter,
    Cmd: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done'],
    StopTimeout: 1,
  })
  await c.start()
})
test.afterAll(async () => {
  const pid = tlsEnginePid()
  if (pid) process.kill(pid, 'SIGCONT')
  await startTlsEngine(() => undefined)
  await remote.getContainer(counter).remove({ force: true })
  await cleanup(docker)
})

async function addTlsEngine(page: Page, name: string): Promise<void> {
  await openApp(page, '/engines')
  await page.getByRole('button', { name: 'Add engine…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an engine' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Connection').selectOption('tls')
  await dialog.getByLabel('Host').fill('127.0.0.1')
  await dialog.getByLabel('Port').fill(tls.port)
  await dialog.getByLabel('CA certificate').fill(join(tls.dir, 'ca.pem'))
  await dialog.getByLabel('Client certificate (optional)').fill(join(tls.dir, 'client.pem'))
  await dialog.getByLabel('Client key (optional)').fill(join(tls.dir, 'client-key.pem'))
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
}

test('an engine that freezes and thaws: said within 2 s, the log stops at its last line and goes on by itself; the other engine works on', async ({
  page,
  context,
}) => {
  const local = uniqueName('on-local')
  await runContainer(docker, local)
  await addTlsEngine(page, 'Flaky box')
  await expect(page).toHaveURL(/#\/e\/flaky-box\/containers/)
  await openApp(page, `/e/flaky-box/containers/${counter}?tab=logs`)
  const logStatus = page.getByRole('status').filter({ hasText: /Following|Stopped|Loading/ })
  await expect(logStatus).toContainText('Following')
  // The viewport holds the newest lines only (virtualized): any tick will do.
  await expect(page.getByRole('log', { name: 'Log output' })).toContainText(/tick \d+/)

  const pid = tlsEnginePid()
  if (!pid) throw new Error('the TLS test dockerd is not running')
  process.kill(pid, 'SIGSTOP')
  await expect(page.getByRole('alert').filter({ hasText: /The engine stopped answering .* Reconnecting/ })).toBeVisible({ timeout: 2_500 })
  await expect(logStatus).toContainText('Stopped after the line of')
  await expect(page.getByRole('button', { name: 'Resume following' })).toBeVisible()

  // Meanwhile, in another tab, the main engine is as it was.
  const other = await context.newPage()
  await openApp(other, '/e/local/containers')
  const localList = new ContainersPage(other)
  await localList.search(local)
  await expect(localList.row(local)).toBeVisible()
  await other.close()

  const before = Number(/(\d+) lines/.exec((await logStatus.textContent()) ?? '')?.[1])
  process.kill(pid, 'SIGCONT')
  await expect(page.getByRole('alert').filter({ hasText: /The engine stopped answering .* Reconnecting/ })).toHaveCount(0, {
    timeout: 20_000,
  })
  await expect(logStatus).toContainText('Following', { timeout: 20_000 })
  await expect
    .poll(async () => Number(/(\d+) lines/.exec((await logStatus.textContent()) ?? '')?.[1]), { timeout: 15_000 })
    .toBeGreaterThan(before)

  await page.getByRole('link', { name: 'Engines', exact: true }).click()
  await page.getByRole('button', { name: 'Remove Flaky box' }).click()
  await page.getByRole('dialog', { name: 'Remove engine' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Flaky box' })).toHaveCount(0)
})
