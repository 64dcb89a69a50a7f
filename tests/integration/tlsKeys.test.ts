// A TLS engine's client key as a user may have it (A4: secrets never stored in clear): a
// key encrypted with a passphrase, given as a file or pasted. Node's TLS gets the key
// opened in memory; a pasted key is kept with the engine's secrets (the OS keychain in
// the desktop app, memory in browser mode), never in the settings file nor in what the
// page is sent.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import type { EngineEntry, EngineTestResult } from '../../src/shared/engines'
import { createApi } from '../../src/main/api/router'
import { createAppServices, type AppOptions } from '../../src/main/appServices'
import { vaultSecrets } from '../../src/main/engine/engineSecrets'
import { openSettings } from '../../src/main/storage/settings'
import { startTlsEngine } from '../../scripts/lib/remoteEngines.mjs'
import { memorySecretBox } from '../support/memorySecretBox'
import { bindApi, fails, ok } from './support/app'
import { waitFor } from './support/engine'

const PASSPHRASE = 'tls key pass 77'
let port: number
let dir: string
let home: string
let lockedKey: string

beforeAll(async () => {
  const env = await startTlsEngine(() => undefined)
  port = Number(env.WHARF_TEST_TLS_PORT)
  dir = env.WHARF_TEST_TLS_DIR
  home = mkdtempSync(join(tmpdir(), 'wharf-it-tlskeys-'))
  lockedKey = join(home, 'client-key.enc.pem')
  execFileSync('openssl', [
    'pkcs8',
    '-topk8',
    '-v2',
    'aes-256-cbc',
    '-in',
    join(dir, 'client-key.pem'),
    '-out',
    lockedKey,
    '-passout',
    `pass:${PASSPHRASE}`,
  ])
}, 120_000)

function start(options: Partial<AppOptions>) {
  return createAppServices({ knownHostsFile: join(home, 'known_hosts'), settings: openSettings(join(home, 'config')), ...options })
}
const endpoint = (key: unknown) => ({
  kind: 'tls',
  host: '127.0.0.1',
  port,
  ca: { from: 'file', path: join(dir, 'ca.pem') },
  cert: { from: 'file', path: join(dir, 'client.pem') },
  key,
})
const settingsText = () =>
  readdirSync(join(home, 'config'))
    .map((f) => readFileSync(join(home, 'config', f), 'utf8'))
    .join('\n')

it('an encrypted key file: Test connection asks for its passphrase, a wrong one is refused, the right one connects', async () => {
  const app = start({})
  const api = bindApi(createApi(app), 'local')
  try {
    const key = { from: 'file', path: lockedKey }
    const without = await ok<EngineTestResult>(api, 'engines.test', { name: 'Locked TLS', endpoint: endpoint(key) })
    expect(without).toMatchObject({ reachable: false, message: expect.stringMatching(/protected by a passphrase/) as unknown })
    const wrong = await ok<EngineTestResult>(api, 'engines.test', { name: 'Locked TLS', endpoint: endpoint(key), passphrase: 'nope' })
    expect(wrong).toMatchObject({ reachable: false, message: expect.stringMatching(/does not open the TLS client key/) as unknown })
    const right = await ok<EngineTestResult>(api, 'engines.test', { name: 'Locked TLS', endpoint: endpoint(key), passphrase: PASSPHRASE })
    expect(right).toMatchObject({ reachable: true })

    // Added without it, the engine says what it lacks; given it, it connects.
    const added = await ok<EngineEntry>(api, 'engines.add', { name: 'Locked TLS', endpoint: endpoint(key) })
    const entry = async () => (await ok<EngineEntry[]>(api, 'engines.list')).find((e) => e.id === added.id)
    await waitFor(async () => (await entry())?.keyLock === 'missing', 'the engine to ask for the passphrase', 20_000)
    expect(await fails(api, 'engines.unlock', { id: added.id, passphrase: 'nope' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(lockedKey) as unknown,
    })
    await ok(api, 'engines.unlock', { id: added.id, passphrase: PASSPHRASE })
    await waitFor(async () => (await entry())?.status.state === 'connected', 'the engine to connect with its passphrase', 20_000)
    expect((await entry())?.keyLock).toBeUndefined()
    await ok(bindApi(createApi(app), added.id), 'containers.list', {})
    await ok(api, 'engines.remove', { id: added.id })
  } finally {
    await app.dispose()
  }
}, 90_000)

it('a pasted key is kept by the keychain, never in the settings nor sent to the page; browser mode says to add it again after a restart', async () => {
  const keychain = memorySecretBox()
  const desktop = () => start({ engineSecrets: vaultSecrets(keychain, () => home, 'linux') })
  const pasted = readFileSync(lockedKey, 'utf8')
  const first = desktop()
  const api = bindApi(createApi(first), 'local')
  const added = await ok<EngineEntry>(api, 'engines.add', {
    name: 'Pasted TLS',
    endpoint: endpoint({ from: 'text', pem: pasted }),
    passphrase: PASSPHRASE,
  })
  expect(added.endpoint).toMatchObject({ key: { from: 'kept' } })
  await waitFor(() => first.engines.require(added.id).connection.getStatus().state === 'connected', 'the engine to connect', 20_000)
  const listed = JSON.stringify(await ok<EngineEntry[]>(api, 'engines.list'))
  expect(listed).not.toContain('PRIVATE KEY')
  await first.dispose()
  expect(settingsText()).not.toContain('PRIVATE KEY')
  expect(settingsText()).not.toContain(PASSPHRASE)
  expect(readFileSync(join(home, 'engine-secrets.bin')).toString('latin1')).not.toContain('PRIVATE KEY')

  const again = desktop()
  try {
    await waitFor(
      () => again.engines.require(added.id).connection.getStatus().state === 'connected',
      'the engine at the next start',
      20_000,
    )
  } finally {
    await again.dispose()
  }

  const browser = start({})
  try {
    await waitFor(() => browser.engines.require(added.id).connection.getStatus().state === 'unavailable', 'the engine to give up', 20_000)
    expect(browser.engines.require(added.id).connection.getStatus().error).toMatch(/kept in memory only.*add it again/)
  } finally {
    await browser.dispose()
  }
}, 90_000)

it('a settings file from before, with a pasted key in clear, has it moved to the secrets at start', async () => {
  const settingsDir = mkdtempSync(join(tmpdir(), 'wharf-it-tlsold-'))
  const key = readFileSync(join(dir, 'client-key.pem'), 'utf8')
  const old = openSettings(settingsDir)
  old.setEngines([{ id: 'old-tls', name: 'Old TLS', endpoint: endpoint({ from: 'text', pem: key }) as never }])
  const app = createAppServices({ knownHostsFile: join(home, 'known_hosts'), settings: openSettings(settingsDir) })
  try {
    await waitFor(() => app.engines.require('old-tls').connection.getStatus().state === 'connected', 'the old engine to connect', 20_000)
    const files = readdirSync(settingsDir).map((f) => readFileSync(join(settingsDir, f), 'utf8'))
    expect(files.join('\n')).not.toContain('PRIVATE KEY')
  } finally {
    await app.dispose()
  }
}, 60_000)
