/**
 * Runs the user's compose tool on a compose file against one engine, as a task: its
 * output streams into the task's log, Cancel ends the process, and a failure ends the
 * task with the tool's last words. The tool reaches the engine Wharf has selected
 * through DOCKER_HOST (and the TLS variables), never through its own default context.
 */
import { spawn } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join } from 'node:path'
import { defaultProjectName, type ComposeCommand, type ComposeFile } from '../../shared/composeTool'
import type { EngineEndpoint } from '../../shared/engineSchemas'
import { WharfError } from '../../shared/errors'
import type { TaskHandle } from '../tasks/tasks'
import type { ComposeTool } from './composeTool'

const MAX_FILE_BYTES = 512 * 1024
const KILL_AFTER_MS = 5000
const LAST_WORDS = 6

/** Checks a compose file path and reads it: absolute, a regular YAML file, not huge. */
export async function readComposeFile(path: string, tool?: string): Promise<ComposeFile> {
  if (!isAbsolute(path)) throw new WharfError({ code: 'invalid_input', message: `"${path}" is not an absolute path` })
  const ext = extname(path).toLowerCase()
  if (ext !== '.yml' && ext !== '.yaml')
    throw new WharfError({ code: 'invalid_input', message: `${path} is not a compose file (expected a .yml or .yaml file)` })
  let info
  try {
    info = await stat(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new WharfError({
      code: code === 'ENOENT' ? 'not_found' : 'invalid_input',
      message: code === 'ENOENT' ? `No file at ${path}` : `Cannot read ${path} (${code ?? 'error'})`,
    })
  }
  if (!info.isFile()) throw new WharfError({ code: 'invalid_input', message: `${path} is not a file` })
  if (info.size > MAX_FILE_BYTES)
    throw new WharfError({ code: 'invalid_input', message: `${path} is over 512 KiB; that is not a compose file` })
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new WharfError({ code: 'invalid_input', message: `Cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})` })
  }
  return { path, text, defaultProject: defaultProjectName(basename(dirname(path)), tool) }
}

/**
 * The environment that points a compose tool at the engine: its address, and for TLS
 * the certificate folder. `endpoint` is the added engine's profile (if it is one),
 * `address` the URL the connection uses.
 */
export function engineEnvironment(
  address: string | undefined,
  endpoint: EngineEndpoint | undefined,
  base: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  if (!address)
    throw new WharfError({
      code: 'engine_unavailable',
      message: 'The engine is not connected; the compose tool would not know where to go',
    })
  const env: NodeJS.ProcessEnv = { ...base, DOCKER_HOST: address }
  // A docker context would override DOCKER_HOST for the plugin; the engine chosen here wins.
  delete env.DOCKER_CONTEXT
  if (address.startsWith('npipe:'))
    throw new WharfError({ code: 'invalid_input', message: 'Compose files cannot be run on a Windows named-pipe engine from here' })
  if (endpoint?.kind === 'tls') {
    // The tools take TLS material only as a folder of ca.pem, cert.pem and key.pem.
    const files = [endpoint.ca, endpoint.cert, endpoint.key]
    const paths = files.map((f) => (f?.from === 'file' ? f.path : undefined))
    const folder = paths[0] && dirname(paths[0])
    const laidOut = folder && ['ca.pem', 'cert.pem', 'key.pem'].every((name, i) => paths[i] === join(folder, name))
    if (!laidOut)
      throw new WharfError({
        code: 'invalid_input',
        message:
          'This TLS engine’s certificates are not files named ca.pem, cert.pem and key.pem in one folder, which is the only way compose tools accept them (DOCKER_CERT_PATH). Add the engine again from such a folder, or run the compose tool yourself.',
      })
    env.DOCKER_TLS_VERIFY = '1'
    env.DOCKER_CERT_PATH = folder
  } else if (endpoint) {
    // Unix, plain TCP or SSH: the address says it all; the startup engine's own TLS
    // variables (when it came from them) are kept, an added engine's are not inherited.
    delete env.DOCKER_TLS_VERIFY
    delete env.DOCKER_CERT_PATH
  }
  return env
}

/** The tool's arguments for one command on one file. */
export function composeArgs(
  tool: ComposeTool,
  file: string,
  project: string | undefined,
  command: ComposeCommand,
  options: { build?: boolean },
): string[] {
  const args = [...tool.base, '-f', file]
  if (project) args.push('-p', project)
  switch (command) {
    case 'up':
      return [...args, 'up', '-d', ...(options.build ? ['--build'] : [])]
    case 'down':
      return [...args, 'down']
    case 'pull':
      return [...args, 'pull']
    case 'build':
      return [...args, 'build']
    case 'config':
      return [...args, 'config']
  }
}

/** Runs the tool once; resolves on exit 0, rejects with its last lines otherwise. */
export function runTool(
  tool: Pick<ComposeTool, 'command'> & { name: string },
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  task: TaskHandle,
): Promise<void> {
  return new Promise((resolve, reject) => {
    task.log(`$ ${tool.command} ${args.join(' ')}`)
    const child = spawn(tool.command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    const last: string[] = []
    const take = (stream: NodeJS.ReadableStream): void => {
      let rest = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split(/\r?\n|\r/)
        rest = parts.pop() ?? ''
        for (const line of parts) {
          if (!line.trim()) continue
          task.log(line)
          last.push(line)
          if (last.length > LAST_WORDS) last.shift()
        }
      })
      stream.on('end', () => {
        if (rest.trim()) {
          task.log(rest)
          last.push(rest)
        }
      })
    }
    take(child.stdout)
    take(child.stderr)
    let killer: NodeJS.Timeout | undefined
    task.onCancel(() => {
      child.kill('SIGTERM')
      killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
    })
    child.on('error', (err) => reject(new Error(`${tool.command} could not be started: ${err.message}`)))
    child.on('close', (code, signal) => {
      clearTimeout(killer)
      if (code === 0) resolve()
      else reject(new Error(last.join('\n') || `${tool.name} ended with ${signal ?? `exit code ${String(code)}`}`))
    })
  })
}
