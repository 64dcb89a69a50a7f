/** `docker stack deploy` for a stack: the arguments main runs, and the same as a command line the dialog shows. */
import { joinShellWords } from '../run/shellWords'
import type { StackDeployInput } from './schemas'

export function stackDeployArgs(input: StackDeployInput): string[] {
  return ['stack', 'deploy', '-c', input.file, ...(input.prune ? ['--prune'] : []), '--resolve-image', input.resolveImage, input.name]
}

/** What the user would type; empty fields show as placeholders. */
export function stackDeployCommand(input: StackDeployInput): string {
  return joinShellWords(['docker', ...stackDeployArgs({ ...input, file: input.file || 'FILE', name: input.name || 'NAME' })])
}
