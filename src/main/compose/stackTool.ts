/**
 * The docker CLI's `docker stack`, found rather than bundled: `docker stack deploy` turns
 * a compose file into swarm services, networks, secrets and configs, and only the docker
 * CLI does that (Compose itself targets one engine; podman's `docker` has no stacks).
 * Found once and kept; `refresh` looks again after the user installs it.
 */
import type { StackToolInfo } from '../../shared/swarm/types'
import { probe, versionOf } from './composeTool'

export interface StackTool {
  name: 'docker stack'
  command: string
  version: string
}

async function find(): Promise<StackTool | undefined> {
  const version = await probe('docker', ['--version'])
  // Podman's `docker` answers "podman version …" and has no stacks; the help must answer too.
  if (!version || /podman/i.test(version) || (await probe('docker', ['stack', 'deploy', '--help'])) === undefined) return undefined
  return { name: 'docker stack', command: 'docker', version: versionOf(version) }
}

let found: Promise<StackTool | undefined> | undefined

export function stackTool(refresh = false): Promise<StackTool | undefined> {
  if (refresh || !found) found = find()
  return found
}

export async function stackToolInfo(refresh = false): Promise<StackToolInfo> {
  const tool = await stackTool(refresh)
  return tool ? { found: true, version: tool.version } : { found: false }
}
