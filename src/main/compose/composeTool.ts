/**
 * The user's own compose tool, found rather than bundled: `docker compose` (the v2 CLI
 * plugin) when the docker CLI has it, else the standalone `docker-compose`, else
 * `podman-compose`. Each is asked for its version with an argument array (never a
 * shell); the first that answers is used. Found once and kept, as a tool does not come
 * and go while Wharf runs — `refresh` looks again (after the user installs one).
 */
import { execFile } from 'node:child_process'
import type { ComposeToolInfo } from '../../shared/composeTool'

export interface ComposeTool {
  name: Extract<ComposeToolInfo, { found: true }>['name']
  command: string
  /** Arguments before the compose command's own (`compose` for the docker plugin). */
  base: string[]
  version: string
}

const PROBE_MS = 15_000

/** Runs a tool's version or help command; its output, or undefined when it cannot be run or fails. */
export function probe(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: PROBE_MS, windowsHide: true, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout) =>
      resolve(err ? undefined : stdout.trim()),
    )
  })
}

/** "Docker Compose version v2.24.5" / "1.29.2" / "podman-compose version 1.0.6 …" → the version. */
export function versionOf(output: string): string {
  const match = /v?(\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?)/.exec(output)
  return match ? match[1] : output.split('\n')[0].slice(0, 60)
}

async function find(): Promise<ComposeTool | undefined> {
  const plugin = await probe('docker', ['compose', 'version', '--short'])
  if (plugin) return { name: 'docker compose', command: 'docker', base: ['compose'], version: versionOf(plugin) }
  const standalone = await probe('docker-compose', ['version', '--short'])
  if (standalone) return { name: 'docker-compose', command: 'docker-compose', base: [], version: versionOf(standalone) }
  const podman = await probe('podman-compose', ['version'])
  if (podman) {
    const line = podman.split('\n').find((l) => /podman-compose/i.test(l)) ?? podman
    return { name: 'podman-compose', command: 'podman-compose', base: [], version: versionOf(line) }
  }
  return undefined
}

let found: Promise<ComposeTool | undefined> | undefined

export function composeTool(refresh = false): Promise<ComposeTool | undefined> {
  if (refresh || !found) found = find()
  return found
}

export async function composeToolInfo(refresh = false): Promise<ComposeToolInfo> {
  const tool = await composeTool(refresh)
  return tool ? { found: true, name: tool.name, version: tool.version } : { found: false }
}
