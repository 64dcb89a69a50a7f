/**
 * The run/create form's model (DESIGN.md C3). The renderer edits it, the CLI twin renders
 * and parses it, main turns it into an Engine API create body. Fields a user types stay
 * strings ('' = not set) so a half-typed form is representable and validation can point
 * at the field that is wrong.
 */
export const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const
export type RestartPolicy = (typeof RESTART_POLICIES)[number]

export const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const
export type Protocol = (typeof PROTOCOLS)[number]

export const MOUNT_TYPES = ['volume', 'bind', 'tmpfs'] as const
export type MountType = (typeof MOUNT_TYPES)[number]

export interface PortMapping {
  /** Host address to bind; '' = all interfaces. */
  hostIp: string
  /** '' = a random free port chosen by the engine. */
  hostPort: string
  containerPort: string
  protocol: Protocol
}

export interface MountSpec {
  type: MountType
  /** Volume name (created on the fly when missing; '' = anonymous) or host path for bind. */
  source: string
  target: string
  readOnly: boolean
}

export interface RunSpec {
  image: string
  name: string
  command: string[]
  /** null keeps the image's ENTRYPOINT; '' clears it. */
  entrypoint: string | null
  /** KEY=VALUE, or KEY alone to pass the variable through empty. */
  env: string[]
  /** Files of KEY=VALUE lines on the host running Wharf (`--env-file`). */
  envFiles: string[]
  ports: PortMapping[]
  publishAll: boolean
  mounts: MountSpec[]
  volumesFrom: string[]
  /** '' = the engine default (bridge); 'host', 'none', a network name or 'container:<name>'. */
  network: string
  aliases: string[]
  restart: RestartPolicy
  /** Only for on-failure; '' = retry forever. */
  maxRetries: string
  workdir: string
  user: string
  hostname: string
  /** key=value */
  labels: string[]
  tty: boolean
  interactive: boolean
  autoRemove: boolean
  /** Decimal CPUs, e.g. 1.5. */
  cpus: string
  /** With a unit: 512m, 1g, 1.5g; bare numbers are bytes. */
  memory: string
  health: HealthSpec
  /** `name=soft[:hard]`, e.g. nofile=1024:2048. */
  ulimits: string[]
  /** Capability names as typed (NET_ADMIN or CAP_NET_ADMIN, or ALL). */
  capAdd: string[]
  capDrop: string[]
  /** `hostPath[:containerPath[:permissions]]`, e.g. /dev/fuse or /dev/sda:/dev/xvda:r. */
  devices: string[]
  /** '' = the engine's default driver. */
  logDriver: string
  /** key=value options for the log driver. */
  logOpts: string[]
  /** Run an init process (tini) as PID 1 that reaps zombies and forwards signals. */
  init: boolean
}

/** `--health-*`: durations are Go durations as typed (30s, 1m30s, 500ms); '' = not set. */
export interface HealthSpec {
  /** Run through the container's shell (CMD-SHELL), as `--health-cmd` does. */
  cmd: string
  interval: string
  timeout: string
  startPeriod: string
  retries: string
  /** `--no-healthcheck`: turn off a health check the image defines. */
  disabled: boolean
}

export function emptyHealth(): HealthSpec {
  return { cmd: '', interval: '', timeout: '', startPeriod: '', retries: '', disabled: false }
}

export function emptyRunSpec(): RunSpec {
  return {
    image: '',
    name: '',
    command: [],
    entrypoint: null,
    env: [],
    envFiles: [],
    ports: [],
    publishAll: false,
    mounts: [],
    volumesFrom: [],
    network: '',
    aliases: [],
    restart: 'no',
    maxRetries: '',
    workdir: '',
    user: '',
    hostname: '',
    labels: [],
    tty: false,
    interactive: false,
    autoRemove: false,
    cpus: '',
    memory: '',
    health: emptyHealth(),
    ulimits: [],
    capAdd: [],
    capDrop: [],
    devices: [],
    logDriver: '',
    logOpts: [],
    init: false,
  }
}
