import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { WharfError } from '../../shared/errors'

/** Whether a podman binary answers here; asked off the start-up path. */
export function podmanInstalled(): Promise<boolean> {
  if (process.platform === 'win32') return Promise.resolve(false)
  return new Promise((resolve) => execFile('podman', ['--version'], { timeout: 3000 }, (err) => resolve(!err)))
}

/** The socket `podman system service` listens on for this user. */
export function podmanSocketPath(uid = process.getuid?.() ?? 0, env = process.env): string {
  if (uid === 0) return '/run/podman/podman.sock'
  return join(env.XDG_RUNTIME_DIR ?? `/run/user/${uid}`, 'podman/podman.sock')
}

/**
 * Starts Podman's Docker-compatible API service in the background, detached from Wharf
 * so it outlives the app like a normal user service, and waits for its socket.
 */
export async function startPodmanService(timeoutMs = 10_000): Promise<string> {
  if (!(await podmanInstalled())) {
    throw new WharfError({ code: 'engine_unavailable', message: 'Podman is not installed on this machine' })
  }
  const socket = podmanSocketPath()
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], {
    detached: true,
    stdio: 'ignore',
  })
  let failed: string | undefined
  child.on('error', (err) => {
    failed = err.message
  })
  child.on('exit', (code) => {
    failed ??= `podman system service exited with code ${String(code)}`
  })
  child.unref()
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (failed) throw new WharfError({ code: 'engine_unavailable', message: failed })
    if (existsSync(socket)) return `unix://${socket}`
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new WharfError({ code: 'engine_unavailable', message: `Podman's socket ${socket} did not appear in time` })
}
