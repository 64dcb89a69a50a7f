/**
 * The docker CLI's credential helpers (`docker-credential-<name> store|get|erase`, JSON
 * on stdin and stdout), chosen the way the CLI chooses them: `credHelpers[server]`, else
 * `credsStore`, from $DOCKER_CONFIG/config.json (default ~/.docker). With one configured,
 * Wharf keeps passwords where the user's `docker login` keeps them — the OS keychain,
 * pass, secretservice — and not in its own memory.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

export interface HelperCredential {
  ServerURL: string
  Username: string
  Secret: string
}

export async function helperFor(server: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const dir = env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker')
  try {
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as {
      credsStore?: string
      credHelpers?: Record<string, string>
    }
    const name = config.credHelpers?.[server] ?? config.credsStore
    return name && /^[\w.-]+$/.test(name) ? name : undefined
  } catch {
    return undefined
  }
}

export function runHelper(helper: string, action: 'store' | 'get' | 'erase', input: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, [action], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')))
    child.on('error', (err) => reject(new Error(`The credential helper docker-credential-${helper} could not run: ${err.message}`)))
    child.on('close', (code) => {
      if (code === 0) resolve(out.trim())
      else reject(new Error(`docker-credential-${helper} ${action} failed: ${out.trim() || `exit ${String(code)}`}`))
    })
    child.stdin.end(input)
  })
}

/** What the helper holds for `server`, or undefined (helpers differ in how they say "none"). */
export async function helperGet(helper: string, server: string, env: NodeJS.ProcessEnv): Promise<HelperCredential | undefined> {
  try {
    const found = JSON.parse(await runHelper(helper, 'get', server, env)) as HelperCredential
    return found.Secret ? found : undefined
  } catch (err) {
    if (/not found/i.test((err as Error).message)) return undefined
    throw err
  }
}
