/**
 * Reads a pasted `docker run …` line into a RunSpec. Flags Wharf does not model are
 * returned in `unsupported`, values it cannot read in `problems`: nothing is dropped
 * without saying so.
 */
import { parseMountFlag, parsePublish, parseRestart, parseTmpfs, parseVolume } from './cliValues'
import { splitShellWords } from './shellWords'
import { emptyRunSpec, type RunSpec } from './spec'

export interface CliProblem {
  flag: string
  value?: string
  reason: 'unsupported' | 'unknown' | 'unreadable' | 'missingValue' | 'notDockerRun' | 'operator' | 'noImage' | 'unterminatedQuote'
}

export interface ParsedRun {
  spec: RunSpec
  problems: CliProblem[]
}

type ValueHandler = (spec: RunSpec, value: string) => boolean
type BoolHandler = (spec: RunSpec, on: boolean) => void

const push =
  (
    key: 'env' | 'envFiles' | 'volumesFrom' | 'aliases' | 'labels' | 'ulimits' | 'capAdd' | 'capDrop' | 'devices' | 'logOpts',
  ): ValueHandler =>
  (spec, value) => {
    spec[key].push(value)
    return true
  }
const set =
  (key: 'name' | 'network' | 'workdir' | 'user' | 'hostname' | 'cpus' | 'memory' | 'logDriver'): ValueHandler =>
  (spec, value) => {
    spec[key] = value
    return true
  }
const health =
  (key: 'cmd' | 'interval' | 'timeout' | 'startPeriod' | 'retries'): ValueHandler =>
  (spec, value) => {
    spec.health[key] = value
    return true
  }
const mount =
  (read: (text: string) => RunSpec['mounts'][number] | undefined): ValueHandler =>
  (spec, value) => {
    const parsed = read(value)
    if (parsed) spec.mounts.push(parsed)
    return parsed !== undefined
  }

const VALUE_FLAGS: Record<string, ValueHandler> = {
  name: set('name'),
  env: push('env'),
  'env-file': push('envFiles'),
  publish: (spec, value) => {
    const port = parsePublish(value)
    if (port) spec.ports.push(port)
    return port !== undefined
  },
  volume: mount(parseVolume),
  mount: mount(parseMountFlag),
  tmpfs: mount(parseTmpfs),
  'volumes-from': push('volumesFrom'),
  network: set('network'),
  net: set('network'),
  'network-alias': push('aliases'),
  'net-alias': push('aliases'),
  restart: (spec, value) => {
    const parsed = parseRestart(value)
    if (parsed) Object.assign(spec, parsed)
    return parsed !== undefined
  },
  workdir: set('workdir'),
  user: set('user'),
  hostname: set('hostname'),
  label: push('labels'),
  cpus: set('cpus'),
  memory: set('memory'),
  entrypoint: (spec, value) => {
    spec.entrypoint = value
    return true
  },
  'health-cmd': health('cmd'),
  'health-interval': health('interval'),
  'health-timeout': health('timeout'),
  'health-start-period': health('startPeriod'),
  'health-retries': health('retries'),
  ulimit: push('ulimits'),
  'cap-add': push('capAdd'),
  'cap-drop': push('capDrop'),
  device: push('devices'),
  'log-driver': set('logDriver'),
  'log-opt': push('logOpts'),
}

const BOOL_FLAGS: Record<string, BoolHandler> = {
  detach: () => undefined,
  interactive: (spec, on) => void (spec.interactive = on),
  tty: (spec, on) => void (spec.tty = on),
  'publish-all': (spec, on) => void (spec.publishAll = on),
  rm: (spec, on) => void (spec.autoRemove = on),
  init: (spec, on) => void (spec.init = on),
  'no-healthcheck': (spec, on) => void (spec.health.disabled = on),
}

const SHORT: Record<string, string> = {
  e: 'env',
  p: 'publish',
  v: 'volume',
  w: 'workdir',
  u: 'user',
  h: 'hostname',
  l: 'label',
  m: 'memory',
  d: 'detach',
  i: 'interactive',
  t: 'tty',
  P: 'publish-all',
  a: 'attach',
  c: 'cpu-shares',
}

/** docker run flags Wharf does not model yet, and whether they take a value. */
const UNSUPPORTED_VALUE = new Set(
  'add-host annotation attach blkio-weight cgroup-parent cgroupns cidfile cpu-period cpu-quota cpu-rt-period cpu-rt-runtime cpu-shares cpuset-cpus cpuset-mems detach-keys device-cgroup-rule dns dns-option dns-search domainname expose gpus group-add ip ip6 ipc isolation kernel-memory link link-local-ip mac-address memory-reservation memory-swap memory-swappiness platform pid pids-limit pull runtime security-opt shm-size stop-signal stop-timeout storage-opt sysctl userns uts volume-driver'.split(
    ' ',
  ),
)
const UNSUPPORTED_BOOL = new Set(
  'disable-content-trust oom-kill-disable privileged quiet read-only sig-proxy use-api-socket help'.split(' '),
)

const PREFIXES = [
  ['docker', 'run'],
  ['docker', 'container', 'run'],
  ['docker', 'create'],
  ['docker', 'container', 'create'],
  ['podman', 'run'],
  ['podman', 'create'],
]

function stripPrefix(words: string[]): string[] | undefined {
  let rest = words
  if (rest[0] === '$' || rest[0] === '#') rest = rest.slice(1)
  if (rest[0] === 'sudo') rest = rest.slice(1)
  for (const prefix of PREFIXES) {
    if (prefix.every((word, i) => rest[i] === word)) return rest.slice(prefix.length)
  }
  return undefined
}

function parseBool(text: string | undefined): boolean | undefined {
  if (text === undefined || text === 'true' || text === '1') return true
  if (text === 'false' || text === '0') return false
  return undefined
}

export function parseDockerRun(line: string): ParsedRun {
  const spec = emptyRunSpec()
  const problems: CliProblem[] = []
  const { words: all, operators, unterminated } = splitShellWords(line)
  if (unterminated) problems.push({ flag: unterminated, reason: 'unterminatedQuote' })
  for (const op of operators) problems.push({ flag: op, reason: 'operator' })
  const words = stripPrefix(all)
  if (!words) {
    problems.push({ flag: all.slice(0, 2).join(' '), reason: 'notDockerRun' })
    return { spec, problems }
  }

  let i = 0
  const takeValue = (flag: string, inline: string | undefined): string | undefined => {
    if (inline !== undefined) return inline
    if (i < words.length) return words[i++]
    problems.push({ flag, reason: 'missingValue' })
    return undefined
  }
  const apply = (long: string, display: string, inline: string | undefined): void => {
    const valueHandler = VALUE_FLAGS[long]
    const boolHandler = BOOL_FLAGS[long]
    if (valueHandler) {
      const value = takeValue(display, inline)
      if (value !== undefined && !valueHandler(spec, value)) problems.push({ flag: display, value, reason: 'unreadable' })
    } else if (boolHandler) {
      const on = parseBool(inline)
      if (on === undefined) problems.push({ flag: display, value: inline, reason: 'unreadable' })
      else boolHandler(spec, on)
    } else if (UNSUPPORTED_VALUE.has(long)) {
      const value = takeValue(display, inline)
      problems.push(value === undefined ? { flag: display, reason: 'unsupported' } : { flag: display, value, reason: 'unsupported' })
    } else if (UNSUPPORTED_BOOL.has(long)) {
      problems.push(
        inline === undefined ? { flag: display, reason: 'unsupported' } : { flag: display, value: inline, reason: 'unsupported' },
      )
    } else {
      problems.push(inline === undefined ? { flag: display, reason: 'unknown' } : { flag: display, value: inline, reason: 'unknown' })
    }
  }

  while (i < words.length) {
    const word = words[i++]
    if (word === '--') break
    if (word.startsWith('--') && word.length > 2) {
      const [name, inline] = word.slice(2).split(/=(.*)/s) as [string, string | undefined]
      apply(name, `--${name}`, inline)
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster such as -dit or -p8080:80: letters until one takes a value.
      for (let j = 1; j < word.length; j++) {
        const letter = word[j]
        const long = SHORT[letter]
        if (!long) {
          problems.push({ flag: `-${letter}`, reason: 'unknown' })
          continue
        }
        if (VALUE_FLAGS[long] || UNSUPPORTED_VALUE.has(long)) {
          const rest = word.slice(j + 1)
          apply(long, `-${letter}`, rest ? rest.replace(/^=/, '') : undefined)
          break
        }
        const inline = word[j + 1] === '=' ? word.slice(j + 2) : undefined
        apply(long, `-${letter}`, inline)
        if (inline !== undefined) break
      }
    } else {
      i--
      break
    }
  }
  const [image, ...command] = words.slice(i)
  if (image === undefined) problems.push({ flag: '', reason: 'noImage' })
  else {
    spec.image = image
    spec.command = command
  }
  return { spec, problems }
}
