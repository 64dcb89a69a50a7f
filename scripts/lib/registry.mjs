// Two local registries for the image tests (Debian's docker-registry, distribution 2.8):
// one open, one behind htpasswd. dockerd trusts 127.0.0.0/8 registries over plain HTTP.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { engineDir } from './dockerd.mjs'

export const REGISTRY = { open: '127.0.0.1:5577', auth: '127.0.0.1:5578', user: 'wharf', password: 'test-pass-123' }

function alive(pidFile) {
  if (!existsSync(pidFile)) return false
  const pid = Number(readFileSync(pidFile, 'utf8'))
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return false
  }
}

async function answers(address) {
  try {
    const res = await fetch(`http://${address}/v2/`)
    return res.status === 200 || res.status === 401
  } catch {
    return false
  }
}

function config(dir, name, address, auth) {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, `${name}-data`)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${address}`,
  ]
  if (auth) lines.push('auth:', '  htpasswd:', '    realm: wharf-test', `    path: ${join(dir, 'htpasswd')}`)
  const file = join(dir, `${name}.yml`)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

/** Whether both test registries answer already (so a caller stops only what it started). */
export async function registriesRunning() {
  const dir = join(engineDir(), 'registry')
  return Boolean(
    alive(join(dir, 'open.pid')) && alive(join(dir, 'auth.pid')) && (await answers(REGISTRY.open)) && (await answers(REGISTRY.auth)),
  )
}

export async function startRegistries(log = console.log) {
  const dir = join(engineDir(), 'registry')
  mkdirSync(dir, { recursive: true })
  const hash = spawnSync('htpasswd', ['-Bbn', REGISTRY.user, REGISTRY.password], { encoding: 'utf8' })
  if (hash.status !== 0) throw new Error(`htpasswd failed: ${hash.stderr}`)
  writeFileSync(join(dir, 'htpasswd'), hash.stdout)
  for (const [name, address, auth] of [
    ['open', REGISTRY.open, false],
    ['auth', REGISTRY.auth, true],
  ]) {
    const pidFile = join(dir, `${name}.pid`)
    if (alive(pidFile) && (await answers(address))) continue
    const out = openSync(join(dir, `${name}.log`), 'a')
    const child = spawn('docker-registry', ['serve', config(dir, name, address, auth)], { detached: true, stdio: ['ignore', out, out] })
    child.unref()
    writeFileSync(pidFile, String(child.pid))
    const deadline = Date.now() + 20_000
    while (!(await answers(address))) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the ${name} registry did not start; see ${join(dir, `${name}.log`)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  log(`wharf: test registries at ${REGISTRY.open} (open) and ${REGISTRY.auth} (htpasswd)`)
  return REGISTRY
}

export function registryEnv() {
  return {
    WHARF_TEST_REGISTRY: REGISTRY.open,
    WHARF_TEST_REGISTRY_AUTH: REGISTRY.auth,
    WHARF_TEST_REGISTRY_USER: REGISTRY.user,
    WHARF_TEST_REGISTRY_PASSWORD: REGISTRY.password,
  }
}

export function stopRegistries() {
  const dir = join(engineDir(), 'registry')
  for (const name of ['open', 'auth']) {
    const pid = alive(join(dir, `${name}.pid`))
    if (pid) process.kill(pid, 'SIGTERM')
  }
}
