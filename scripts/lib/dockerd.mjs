// A private dockerd for the tests: its own socket, data root, exec root and pidfile, so it
// never touches the developer's own engine. Test images are made from busybox-static.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const TEST_IMAGE = 'wharf-test/busybox:latest'
const BUSYBOX_APPLETS = [
  'sh',
  'ls',
  'cat',
  'echo',
  'sleep',
  'httpd',
  'mkdir',
  'rm',
  'mv',
  'cp',
  'stat',
  'find',
  'tar',
  'env',
  'id',
  'ps',
  'wc',
  'head',
  'tail',
  'seq',
  'yes',
  'stty',
  'touch',
  'chmod',
  'ln',
  'sed',
  'grep',
  'nslookup',
  'ping',
  'wget',
  'hostname',
  'dd',
  'true',
  'false',
  'date',
  'kill',
  'top',
  'vi',
  'printf',
]

export function engineDir() {
  return process.env.WHARF_TEST_DIR ?? join(tmpdir(), 'wharf-test-engine')
}

export function socketPath(dir = engineDir()) {
  return join(dir, 'docker.sock')
}

export function api(socket, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, method, path, headers: body ? { 'Content-Type': 'application/x-tar' } : {} }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${path} timed out`)))
    req.on('error', reject)
    if (body) req.end(body)
    else req.end()
  })
}

async function ping(socket) {
  try {
    return (await api(socket, 'GET', '/_ping')).status === 200
  } catch {
    return false
  }
}

function isRunning(pidFile) {
  if (!existsSync(pidFile)) return false
  const pid = Number(readFileSync(pidFile, 'utf8').trim())
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return false
  }
}

/** True when another dockerd owns the default bridge, so ours must use a bridge of its own. */
function otherDockerdRunning() {
  const r = spawnSync('pgrep', ['-x', 'dockerd'], { encoding: 'utf8' })
  return r.status === 0 && r.stdout.trim().length > 0
}

function ensureOwnBridge() {
  const name = 'wharftest0'
  if (spawnSync('ip', ['link', 'show', name], { stdio: 'ignore' }).status === 0) return name
  for (const args of [
    ['link', 'add', name, 'type', 'bridge'],
    ['addr', 'add', '10.231.0.1/24', 'dev', name],
    ['link', 'set', name, 'up'],
  ]) {
    const r = spawnSync('ip', args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${r.stderr}`)
  }
  return name
}

/** Whether the test dockerd is up already (so a caller stops only what it started). */
export async function dockerdRunning() {
  const dir = engineDir()
  return Boolean(isRunning(join(dir, 'docker.pid')) && (await ping(socketPath(dir))))
}

export async function startDockerd(log = console.log) {
  const dir = engineDir()
  const socket = socketPath(dir)
  const pidFile = join(dir, 'docker.pid')
  mkdirSync(dir, { recursive: true })
  if (isRunning(pidFile) && (await ping(socket))) {
    log(`wharf: reusing the test dockerd at ${socket}`)
  } else {
    const args = [
      '--host',
      `unix://${socket}`,
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      pidFile,
      '--storage-driver',
      'overlay2',
    ]
    if (otherDockerdRunning()) args.push('--bridge', ensureOwnBridge())
    const out = openSync(join(dir, 'dockerd.log'), 'a')
    const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', out, out] })
    child.unref()
    const deadline = Date.now() + 60_000
    while (!(await ping(socket))) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`the test dockerd did not start; see ${join(dir, 'dockerd.log')}:\n${tail(join(dir, 'dockerd.log'))}`)
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    log(`wharf: test dockerd ready at ${socket}`)
  }
  await ensureTestImage(socket, log)
  return { socket, dockerHost: `unix://${socket}` }
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')
  } catch {
    return ''
  }
}

/** `docker import` of a folder holding a static busybox and its applet links. */
export async function ensureTestImage(socket, log = console.log) {
  const found = await api(socket, 'GET', `/images/${encodeURIComponent(TEST_IMAGE)}/json`)
  if (found.status === 200) return
  const root = mkdtempSync(join(tmpdir(), 'wharf-busybox-'))
  try {
    for (const d of ['bin', 'etc', 'tmp', 'root', 'var/www']) mkdirSync(join(root, d), { recursive: true })
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'))
    spawnSync('chmod', ['755', join(root, 'bin/busybox')])
    for (const applet of BUSYBOX_APPLETS) symlinkSync('busybox', join(root, 'bin', applet))
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n')
    writeFileSync(join(root, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n')
    const tar = spawnSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 })
    if (tar.status !== 0) throw new Error('tar of the busybox folder failed')
    const [repo, tag] = TEST_IMAGE.split(':')
    const changes = ['ENV PATH=/bin', 'CMD ["sh"]'].map((c) => `changes=${encodeURIComponent(c)}`).join('&')
    const res = await api(socket, 'POST', `/images/create?fromSrc=-&repo=${encodeURIComponent(repo)}&tag=${tag}&${changes}`, tar.stdout)
    if (res.status !== 200 || res.body.includes('"error"')) throw new Error(`importing ${TEST_IMAGE} failed: ${res.body}`)
    log(`wharf: imported ${TEST_IMAGE} from busybox-static`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

export async function stopDockerd(log = console.log) {
  const dir = engineDir()
  const pid = isRunning(join(dir, 'docker.pid'))
  if (!pid) return
  process.kill(pid, 'SIGTERM')
  const deadline = Date.now() + 20_000
  while (isRunning(join(dir, 'docker.pid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  if (isRunning(join(dir, 'docker.pid'))) process.kill(pid, 'SIGKILL')
  log('wharf: test dockerd stopped')
}
