import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const E2E_TOKEN = 'e2e-token-0123456789'

/** Starts `node out/main/server.js` on the test engine; returns the teardown. */
export default async function globalSetup(): Promise<() => void> {
  if (!process.env.DOCKER_HOST)
    throw new Error('DOCKER_HOST is not set: run e2e through `npm test` or export what `npm run engines` prints')
  const server = join(__dirname, '../../out/main/server.js')
  if (!existsSync(server)) throw new Error('The app is not built: run `npm run build:app` first')
  // SSH host keys the tests accept go to a known_hosts of their own, never the user's.
  const knownHosts = join(mkdtempSync(join(tmpdir(), 'wharf-e2e-ssh-')), 'known_hosts')
  process.env.WHARF_KNOWN_HOSTS = knownHosts
  const child = spawn(process.execPath, [server, '--port', '0', '--token', E2E_TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Wharf is running at (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${String(code)}:\n${output}`)))
  })
  const origin = new URL(url).origin
  process.env.WHARF_E2E_URL = origin
  process.env.WHARF_E2E_TOKEN_URL = url
  return () => {
    child.kill('SIGTERM')
  }
}
