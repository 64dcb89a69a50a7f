import { formatMount, formatPublish } from './cliValues'
import { joinShellWords } from './shellWords'
import type { RunSpec } from './spec'

/** The `docker run` words that do what Wharf does with this spec (always detached). */
export function runSpecToArgs(spec: RunSpec): string[] {
  const args = ['docker', 'run', '-d']
  const flag = (name: string, value: string): void => {
    if (value) args.push(name, value)
  }
  if (spec.autoRemove) args.push('--rm')
  if (spec.interactive && spec.tty) args.push('-it')
  else if (spec.interactive) args.push('-i')
  else if (spec.tty) args.push('-t')
  flag('--name', spec.name)
  for (const port of spec.ports) args.push('-p', formatPublish(port))
  if (spec.publishAll) args.push('-P')
  for (const mount of spec.mounts) args.push(...formatMount(mount))
  for (const from of spec.volumesFrom) args.push('--volumes-from', from)
  for (const env of spec.env) args.push('-e', env)
  for (const file of spec.envFiles) args.push('--env-file', file)
  flag('--network', spec.network)
  for (const alias of spec.aliases) args.push('--network-alias', alias)
  if (spec.restart !== 'no') args.push('--restart', spec.maxRetries ? `${spec.restart}:${spec.maxRetries}` : spec.restart)
  flag('-w', spec.workdir)
  flag('-u', spec.user)
  flag('-h', spec.hostname)
  for (const label of spec.labels) args.push('-l', label)
  flag('--cpus', spec.cpus)
  flag('-m', spec.memory)
  if (spec.init) args.push('--init')
  const health = spec.health
  if (health.disabled) args.push('--no-healthcheck')
  flag('--health-cmd', health.cmd)
  flag('--health-interval', health.interval)
  flag('--health-timeout', health.timeout)
  flag('--health-start-period', health.startPeriod)
  flag('--health-retries', health.retries)
  for (const ulimit of spec.ulimits) args.push('--ulimit', ulimit)
  for (const cap of spec.capAdd) args.push('--cap-add', cap)
  for (const cap of spec.capDrop) args.push('--cap-drop', cap)
  for (const device of spec.devices) args.push('--device', device)
  flag('--log-driver', spec.logDriver)
  for (const opt of spec.logOpts) args.push('--log-opt', opt)
  if (spec.entrypoint !== null) args.push('--entrypoint', spec.entrypoint)
  args.push(spec.image.trim() || 'IMAGE', ...spec.command)
  return args
}

export function runSpecToCommandLine(spec: RunSpec): string {
  return joinShellWords(runSpecToArgs(spec))
}
