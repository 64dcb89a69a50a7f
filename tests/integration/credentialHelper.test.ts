import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImageTransfer } from '../../src/main/engine/imageTransfer'
import { Credentials } from '../../src/main/registry/credentials'
import { Tasks } from '../../src/main/tasks/tasks'
import type { TaskInfo } from '../../src/shared/tasks'
import { startApi } from './support/app'
import { cleanup, createTestContainer, runId, testDocker, waitFor } from './support/engine'

const docker = testDocker()
const auth = process.env.WHARF_TEST_REGISTRY_AUTH ?? ''
const user = process.env.WHARF_TEST_REGISTRY_USER ?? ''
const password = process.env.WHARF_TEST_REGISTRY_PASSWORD ?? ''
const tools = ['/usr/bin/docker-credential-pass', '/usr/bin/pass', '/usr/bin/gpg'].every((p) => existsSync(p))
const runs = Boolean(auth) && tools
if (!runs)
  console.log(
    'SKIPPED credential helper tests: needs the auth test registry and docker-credential-pass, pass, gpg (npm test provides them)',
  )

let ctx: Awaited<ReturnType<typeof startApi>>
const ref = `${auth}/wharf-it/${runId}-helper:v1`

/** A real `pass` store with a fresh GPG key, and a docker config that names it. */
function passEnv(): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'wharf-creds-'))
  const env = {
    ...process.env,
    GNUPGHOME: join(home, 'gnupg'),
    PASSWORD_STORE_DIR: join(home, 'store'),
    DOCKER_CONFIG: join(home, 'docker'),
  }
  execFileSync('mkdir', ['-m', '700', '-p', env.GNUPGHOME, env.DOCKER_CONFIG])
  execFileSync('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'wharf-test@example.invalid', 'default', 'default', 'never'], {
    env,
    stdio: 'ignore',
  })
  const key = /^fpr:+([0-9A-F]+):/m.exec(execFileSync('gpg', ['--list-keys', '--with-colons'], { env, encoding: 'utf8' }))?.[1] ?? ''
  execFileSync('pass', ['init', key], { env, stdio: 'ignore' })
  writeFileSync(join(env.DOCKER_CONFIG, 'config.json'), JSON.stringify({ credsStore: 'pass' }))
  return env
}

beforeAll(async () => {
  if (runs) ctx = await startApi()
})
afterAll(async () => {
  if (!runs) return
  await ctx.app.dispose()
  await cleanup(docker)
  await docker
    .getImage(ref)
    .remove({ force: true })
    .catch(() => undefined)
})

describe.runIf(runs)('docker credential helpers', () => {
  it('keeps the password in the configured helper (pass), uses it to push, and erases it on logout', async () => {
    const env = passEnv()
    const credentials = new Credentials(env)
    const tasks = new Tasks()
    const transfer = new ImageTransfer(ctx.engine.connection, tasks, credentials)
    const login = await transfer.login(auth, user, password)
    expect(login).toMatchObject({ server: auth, username: user, store: 'docker-credential-pass' })
    // The secret is in pass, as `docker login` with this config would have put it.
    const held = JSON.parse(execFileSync('docker-credential-pass', ['get'], { env, input: auth, encoding: 'utf8' })) as { Secret: string }
    expect(held.Secret).toBe(password)

    const c = await createTestContainer(docker, { cmd: ['true'] })
    await c.commit({ repo: ref.slice(0, ref.lastIndexOf(':')), tag: 'v1' })
    const push = transfer.push(ref)
    const ended = await waitFor(() => tasks.list().find((t: TaskInfo) => t.id === push.id && t.state !== 'running'), 'the push', 30_000)
    expect(ended.state, ended.message).toBe('done')

    await credentials.remove(auth)
    expect(execFileSync('docker-credential-pass', ['list'], { env, encoding: 'utf8' })).not.toContain(auth)
    expect(await credentials.list()).toEqual([])
  })

  it('uses what the helper already holds (a login made with the docker CLI)', async () => {
    const env = passEnv()
    execFileSync('docker-credential-pass', ['store'], { env, input: JSON.stringify({ ServerURL: auth, Username: user, Secret: password }) })
    const credentials = new Credentials(env)
    expect(await credentials.get(auth)).toEqual({ serveraddress: auth, username: user, password })
    expect(await credentials.get('registry.invalid')).toBeUndefined()
  })
})
