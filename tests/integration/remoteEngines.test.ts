// Engines the user adds (E2), against real ones: a private dockerd behind --tlsverify
// with certificates made by openssl, and a private sshd whose sessions reach the test
// dockerd through `docker system dial-stdio`. Test connection says exactly why not;
// SSH host keys are checked against a known_hosts of the test's own.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineEntry, EngineTestResult } from '../../src/shared/engines'
import type { ContainerSummary } from '../../src/shared/types'
import { createApi } from '../../src/main/api/router'
import { createAppServices, type AppServices } from '../../src/main/appServices'
import { openSettings } from '../../src/main/storage/settings'
import { sshFingerprint, sshHostKey, startSshd, startTlsEngine } from '../../scripts/lib/remoteEngines.mjs'
import { bindApi, fails, ok, type BoundApi } from './support/app'
import { createTestContainer, testDocker, waitFor, cleanup } from './support/engine'

let tls: { port: number; dir: string }
let ssh: { port: number; dir: string }
let knownHosts: string
let settingsDir: string
let app: AppServices
let api: BoundApi

const pem = (dir: string, file: string) => ({ from: 'file' as const, path: join(dir, file) })
const docker = testDocker()

beforeAll(async () => {
  const tlsEnv = await startTlsEngine(() => undefined)
  tls = { port: Number(tlsEnv.WHARF_TEST_TLS_PORT), dir: tlsEnv.WHARF_TEST_TLS_DIR }
  const sshEnv = await startSshd(() => undefined, 'host_a')
  ssh = { port: Number(sshEnv.WHARF_TEST_SSH_PORT), dir: sshEnv.WHARF_TEST_SSH_DIR }
  const home = mkdtempSync(join(tmpdir(), 'wharf-it-remote-'))
  knownHosts = join(home, 'known_hosts')
  settingsDir = join(home, 'config')
  app = createAppServices({ knownHostsFile: knownHosts, settings: openSettings(settingsDir) })
  api = bindApi(createApi(app), 'local')
}, 120_000)
afterAll(async () => {
  await app?.dispose()
  await startSshd(() => undefined, 'host_a')
  await cleanup(docker)
})

const tlsInput = (over: Record<string, unknown> = {}) => ({
  name: 'TLS daemon',
  endpoint: {
    kind: 'tls',
    host: '127.0.0.1',
    port: tls.port,
    ca: pem(tls.dir, 'ca.pem'),
    cert: pem(tls.dir, 'client.pem'),
    key: pem(tls.dir, 'client-key.pem'),
    ...over,
  },
})
const sshInput = () => ({
  name: 'Over SSH',
  endpoint: { kind: 'ssh', user: 'root', host: '127.0.0.1', port: ssh.port, identityFile: join(ssh.dir, 'client') },
})

describe('a TLS engine', () => {
  it('answers Test connection with its version, or with exactly what is wrong', async () => {
    const good = await ok<EngineTestResult>(api, 'engines.test', tlsInput())
    expect(good).toMatchObject({ reachable: true, flavor: 'docker', apiVersion: expect.stringMatching(/^1\.\d+$/) as unknown })

    const wrongCa = await ok<EngineTestResult>(api, 'engines.test', tlsInput({ ca: pem(tls.dir, 'other-ca.pem') }))
    expect(wrongCa).toMatchObject({ reachable: false, message: expect.stringMatching(/not signed by the CA you gave/) as unknown })

    const noClientCert = await ok<EngineTestResult>(api, 'engines.test', tlsInput({ cert: undefined, key: undefined }))
    expect(noClientCert).toMatchObject({ reachable: false, message: expect.stringMatching(/refused the client certificate/) as unknown })

    // 127.0.0.2 reaches the same daemon, but its certificate names 127.0.0.1 and localhost only.
    const wrongName = await ok<EngineTestResult>(api, 'engines.test', tlsInput({ host: '127.0.0.2' }))
    expect(wrongName).toMatchObject({ reachable: false, message: expect.stringMatching(/not for this host name/) as unknown })

    const pasted = await ok<EngineTestResult>(
      api,
      'engines.test',
      tlsInput({
        ca: { from: 'text', pem: readFileSync(join(tls.dir, 'ca.pem'), 'utf8') },
        cert: { from: 'text', pem: readFileSync(join(tls.dir, 'client.pem'), 'utf8') },
        key: { from: 'text', pem: readFileSync(join(tls.dir, 'client-key.pem'), 'utf8') },
      }),
    )
    expect(pasted.reachable).toBe(true)
    expect((await fails(api, 'engines.test', tlsInput({ key: undefined }))).message).toMatch(/needs its key/)
  })

  it('is added, works beside the startup engine, is saved for the next start, and removed', async () => {
    const added = await ok<EngineEntry>(api, 'engines.add', tlsInput())
    expect(added).toMatchObject({ id: 'tls-daemon', name: 'TLS daemon', source: 'added', isDefault: false })
    const onTls = bindApi(createApi(app), added.id)
    await waitFor(async () => (await ok<{ state: string }>(onTls, 'engine.status')).state === 'connected', 'the TLS engine to connect')
    // Each engine lists its own: a container made on the main test engine is not on the TLS one.
    const c = await createTestContainer(docker)
    await waitFor(
      async () => (await ok<ContainerSummary[]>(api, 'containers.list')).some((x) => x.id === c.id),
      'the container on the main engine',
    )
    expect((await ok<ContainerSummary[]>(onTls, 'containers.list')).some((x) => x.id === c.id)).toBe(false)
    expect((await ok<{ name: string }>(onTls, 'engine.info')).name).toBeTruthy()

    // The settings file keeps it, without anything secret; a new app connects it again.
    const saved = readFileSync(join(settingsDir, 'settings.json'), 'utf8')
    expect(saved).toContain('"tls-daemon"')
    const again = createAppServices({ knownHostsFile: knownHosts, settings: openSettings(settingsDir) })
    try {
      expect(again.book.entries().map((e) => e.id)).toEqual(['local', 'tls-daemon'])
      await waitFor(() => again.engines.require('tls-daemon').connection.getStatus().state === 'connected', 'the saved engine to connect')
    } finally {
      await again.dispose()
    }

    await ok(api, 'engines.setDefault', { id: added.id })
    expect((await ok<EngineEntry[]>(api, 'engines.list')).find((e) => e.isDefault)?.id).toBe(added.id)
    expect((await fails(api, 'engines.remove', { id: 'local' })).code).toBe('conflict')
    await ok(api, 'engines.remove', { id: added.id })
    expect((await ok<EngineEntry[]>(api, 'engines.list')).map((e) => e.id)).toEqual(['local'])
    expect((await fails(onTls, 'containers.list')).code).toBe('not_found')
    expect(JSON.parse(readFileSync(join(settingsDir, 'settings.json'), 'utf8'))).toMatchObject({ engines: [] })
  })

  it('refuses plain TCP to another machine unless the user confirms it', async () => {
    const error = await fails(api, 'engines.add', {
      name: 'plain',
      endpoint: { kind: 'tcp', host: '10.9.9.9', port: 2375, insecureConfirmed: false },
    })
    expect(error.message).toMatch(/unencrypted and unauthenticated/)
  })
})

describe('an SSH engine', () => {
  it('shows an unknown host key with the fingerprint ssh prints; accepted, it connects; changed, it is refused', async () => {
    const unknown = await ok<EngineTestResult>(api, 'engines.test', sshInput())
    expect(unknown).toMatchObject({
      reachable: false,
      hostKey: { host: '127.0.0.1', port: ssh.port, algorithm: 'ssh-ed25519', fingerprint: sshFingerprint('host_a'), verdict: 'unknown' },
    })
    const seen = (unknown as { hostKey: { key: string } }).hostKey
    expect(seen.key).toBe(sshHostKey('host_a'))
    await ok(api, 'engines.trustHostKey', { host: '127.0.0.1', port: ssh.port, key: seen.key })
    expect(readFileSync(knownHosts, 'utf8')).toBe(`[127.0.0.1]:${ssh.port} ${sshHostKey('host_a')}\n`)

    const reachable = await ok<EngineTestResult>(api, 'engines.test', sshInput())
    expect(reachable).toMatchObject({ reachable: true, flavor: 'docker' })

    const added = await ok<EngineEntry>(api, 'engines.add', sshInput())
    const onSsh = bindApi(createApi(app), added.id)
    await waitFor(async () => (await ok<{ state: string }>(onSsh, 'engine.status')).state === 'connected', 'the SSH engine to connect')
    const c = await createTestContainer(docker)
    // Over SSH it is the test engine itself: the same container is there.
    await waitFor(async () => (await ok<ContainerSummary[]>(onSsh, 'containers.list')).some((x) => x.id === c.id), 'the container over SSH')
    await ok(api, 'engines.remove', { id: added.id })

    // The host is reinstalled: a new key for the same host and port is refused, never accepted.
    await startSshd(() => undefined, 'host_b')
    const changed = await ok<EngineTestResult>(api, 'engines.test', sshInput())
    expect(changed).toMatchObject({
      reachable: false,
      message: expect.stringMatching(/CHANGED/) as unknown,
      hostKey: { fingerprint: sshFingerprint('host_b'), verdict: 'changed' },
    })
    expect((await fails(api, 'engines.trustHostKey', { host: '127.0.0.1', port: ssh.port, key: sshHostKey('host_b') })).code).toBe(
      'conflict',
    )
    expect(readFileSync(knownHosts, 'utf8')).toBe(`[127.0.0.1]:${ssh.port} ${sshHostKey('host_a')}\n`)
  })

  it('says when authentication fails', async () => {
    await startSshd(() => undefined, 'host_a')
    // A key the server does not know (the host's own private key, as good a stranger as any).
    writeFileSync(join(ssh.dir, 'stranger'), readFileSync(join(ssh.dir, 'host_b')), { mode: 0o600 })
    const result = await ok<EngineTestResult>(api, 'engines.test', {
      name: 'stranger',
      endpoint: { kind: 'ssh', user: 'root', host: '127.0.0.1', port: ssh.port, identityFile: join(ssh.dir, 'stranger') },
    })
    expect(result).toMatchObject({
      reachable: false,
      message: expect.stringMatching(/SSH authentication as root@127\.0\.0\.1 failed/) as unknown,
    })
  })
})
