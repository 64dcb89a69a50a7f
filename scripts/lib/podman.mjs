// Podman as the tests' second engine (DESIGN §3): `podman system service` on a private
// socket, root and run root, with the ulimits containers need here. Its Docker-compatible
// API is what Wharf talks to, exactly as to dockerd.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { api, engineDir, ensureTestImage } from './dockerd.mjs'

function podmanDir() {
  return join(engineDir(), 'podman')
}

function running(pidFile) {
  if (!existsSync(pidFile)) return 0
  const pid = Number(readFileSync(pidFile, 'utf8'))
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return 0
  }
}

export function podmanEnv() {
  return { WHARF_TEST_PODMAN_HOST: `unix://${join(podmanDir(), 'podman.sock')}` }
}

export async function startPodman(log = console.log) {
  const dir = podmanDir()
  const socket = join(dir, 'podman.sock')
  const pidFile = join(dir, 'podman.pid')
  mkdirSync(dir, { recursive: true })
  if (!running(pidFile)) {
    const conf = join(dir, 'containers.conf')
    writeFileSync(
      conf,
      '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n[engine]\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n',
    )
    const out = openSync(join(dir, 'podman.log'), 'a')
    // vfs: works on any filesystem the test directory lives on, overlay-on-overlay included.
    const child = spawn(
      'podman',
      [
        '--root',
        join(dir, 'root'),
        '--runroot',
        join(dir, 'run'),
        '--storage-driver',
        'vfs',
        'system',
        'service',
        '--time=0',
        `unix://${socket}`,
      ],
      { detached: true, stdio: ['ignore', out, out], env: { ...process.env, CONTAINERS_CONF: conf } },
    )
    writeFileSync(pidFile, String(child.pid))
    child.unref()
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    const ok = await api(socket, 'GET', '/_ping').then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error(`podman system service did not answer on ${socket}; see ${join(dir, 'podman.log')}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  await ensureTestImage(socket, log)
  log(`wharf: test podman service on unix://${socket}`)
  return podmanEnv()
}

export async function stopPodman(log = console.log) {
  const pidFile = join(podmanDir(), 'podman.pid')
  const pid = running(pidFile)
  if (!pid) return
  process.kill(pid, 'SIGTERM')
  const deadline = Date.now() + 10_000
  while (running(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  if (running(pidFile)) process.kill(pid, 'SIGKILL')
  log('wharf: test podman service stopped')
}
