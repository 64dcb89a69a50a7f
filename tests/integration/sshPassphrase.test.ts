// An SSH engine whose key has a passphrase (A4: secrets never stored in clear). The
// desktop app keeps the passphrase in the OS's secret store, so the engine connects again
// at the next start; the settings file never holds it. Browser mode keeps it in memory:
// after a restart the engine says what it lacks, and the user enters it again.
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { EngineEntry } from '../../src/shared/engines'
import { createApi } from '../../src/main/api/router'
import { createAppServices, type AppOptions } from '../../src/main/appServices'
import { vaultSecrets } from '../../src/main/engine/engineSecrets'
import { openSettings } from '../../src/main/storage/settings'
import { sshHostKey, startSshd } from '../../scripts/lib/remoteEngines.mjs'
import { memorySecretBox } from '../support/memorySecretBox'
import { bindApi, fails, ok } from './support/app'
import { waitFor } from './support/engine'

const PASSPHRASE = 'a passphrase 123'
let port: number
let home: string
let keyFile: string

beforeAll(async () => {
  const env = await startSshd(() => undefined, 'host_a')
  port = Number(env.WHARF_TEST_SSH_PORT)
  home = mkdtempSync(join(tmpdir(), 'wharf-it-sshpass-'))
  keyFile = join(home, 'id_locked')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASSPHRASE, '-C', 'locked', '-f', keyFile])
  // Authorized as the test's own client key is, reaching the test engine through dial-stdio.
  const authorized = join(env.WHARF_TEST_SSH_DIR, 'authorized_keys')
  const line = readFileSync(authorized, 'utf8').split('\n')[0]
  appendFileSync(authorized, `${line.slice(0, line.indexOf('" ') + 1)} ${readFileSync(`${keyFile}.pub`, 'utf8')}`)
  writeFileSync(join(home, 'known_hosts'), `[127.0.0.1]:${port} ${sshHostKey('host_a')}\n`)
}, 60_000)
afterAll(() => startSshd(() => undefined, 'host_a'))

function start(options: Partial<AppOptions>) {
  return createAppServices({ knownHostsFile: join(home, 'known_hosts'), settings: openSettings(join(home, 'config')), ...options })
}

const stateOf = (app: ReturnType<typeof start>, id: string) => app.engines.require(id).connection.getStatus()

it('is kept by the OS keychain for the next start, never in the settings; browser mode asks again after a restart and connects once it is entered', async () => {
  const keychain = memorySecretBox()
  const desktop = () => start({ engineSecrets: vaultSecrets(keychain, () => home, 'linux') })
  const first = desktop()
  const added = await ok<EngineEntry>(bindApi(createApi(first), 'local'), 'engines.add', {
    name: 'Locked key',
    endpoint: { kind: 'ssh', user: 'root', host: '127.0.0.1', port, identityFile: keyFile },
    passphrase: PASSPHRASE,
  })
  await waitFor(() => stateOf(first, added.id).state === 'connected', 'the engine to connect with the passphrase given', 20_000)
  await first.dispose()
  for (const file of readdirSync(join(home, 'config'))) expect(readFileSync(join(home, 'config', file), 'utf8')).not.toContain(PASSPHRASE)
  expect(readFileSync(join(home, 'engine-secrets.bin')).toString('latin1')).not.toContain(PASSPHRASE)

  const again = desktop()
  try {
    await waitFor(() => stateOf(again, added.id).state === 'connected', 'the engine to connect at the next start', 20_000)
  } finally {
    await again.dispose()
  }

  const browser = start({})
  const api = bindApi(createApi(browser), 'local')
  const entryOf = async () => (await ok<EngineEntry[]>(api, 'engines.list')).find((e) => e.id === added.id)
  try {
    await waitFor(() => stateOf(browser, added.id).state === 'unavailable', 'the engine to give up without its passphrase', 20_000)
    expect(stateOf(browser, added.id).error).toMatch(/protected by a passphrase/i)
    expect((await entryOf())?.keyLock).toBe('missing')
    // A wrong one is refused against the key itself, and nothing is kept.
    const wrong = await fails(api, 'engines.unlock', { id: added.id, passphrase: 'not it' })
    expect(wrong).toMatchObject({ code: 'invalid_input', fields: { passphrase: expect.any(String) as unknown } })
    expect((await entryOf())?.keyLock).toBe('missing')
    await ok(api, 'engines.unlock', { id: added.id, passphrase: PASSPHRASE })
    await waitFor(() => stateOf(browser, added.id).state === 'connected', 'the engine to connect once its passphrase is entered', 20_000)
    expect((await entryOf())?.keyLock).toBeUndefined()
    await ok(bindApi(createApi(browser), added.id), 'containers.list', {})
    // The engine Wharf started with has no key: nothing to unlock.
    expect(await fails(api, 'engines.unlock', { id: 'local', passphrase: 'x' })).toMatchObject({ code: 'invalid_input' })
  } finally {
    await browser.dispose()
  }
}, 90_000)
