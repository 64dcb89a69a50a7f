import { readFile, stat } from 'node:fs/promises'
import { WharfError } from '../../../shared/errors'

const MAX_ENV_FILE = 1024 * 1024

/**
 * Reads `--env-file` files the way the docker CLI does: one KEY=VALUE per line, `#`
 * comments and blank lines skipped, a bare KEY taken from Wharf's own environment
 * (and dropped when unset), values kept verbatim with no quote processing.
 */
export async function readEnvFiles(paths: string[], environment: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    let content: string
    try {
      const info = await stat(path)
      if (!info.isFile())
        throw new WharfError({ code: 'invalid_input', message: `Env file ${path} is not a file`, fields: { envFiles: 'Not a file' } })
      if (info.size > MAX_ENV_FILE) throw new WharfError({ code: 'invalid_input', message: `Env file ${path} is larger than 1 MiB` })
      content = await readFile(path, 'utf8')
    } catch (err) {
      if (err instanceof WharfError) throw err
      throw new WharfError({ code: 'invalid_input', message: `Cannot read env file ${path}: ${(err as Error).message}` })
    }
    content.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.replace(/^\s+/, '')
      if (!line || line.startsWith('#')) return
      const at = line.indexOf('=')
      const key = at === -1 ? line.trimEnd() : line.slice(0, at)
      if (!key || /\s/.test(key)) {
        throw new WharfError({
          code: 'invalid_input',
          message: `Env file ${path}, line ${index + 1}: variable name "${key}" is empty or contains whitespace`,
        })
      }
      if (at !== -1) out.push(line)
      else if (environment[key] !== undefined) out.push(`${key}=${environment[key]}`)
    })
  }
  return out
}
