import { z } from 'zod'
import { CONTAINER_NAME_PATTERN, IMAGE_REF_PATTERN, SIGNAL_PATTERN } from './patterns'
import { MOUNT_TYPES, PROTOCOLS, RESTART_POLICIES } from './run/spec'
import { parseCpus, parseMemory } from './run/units'
import { describeRunIssue, RUN_ISSUE_TEXT, validateRunSpec } from './run/validate'

/**
 * A container is addressed by its id (or an unambiguous id prefix) or its name.
 * The engine allows names matching [a-zA-Z0-9][a-zA-Z0-9_.-]+; ids are hex.
 */
export const containerRef = z
  .string()
  .trim()
  .min(1, 'A container id or name is required')
  .max(255, 'A container id or name is at most 255 characters')
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid container id or name')

export const empty = z.object({}).strict()

export const containerTarget = z.object({ id: containerRef }).strict()

/** One of a container's ports, by the container's own number and protocol (as in `80/tcp`). */
export const openPortInput = z
  .object({ id: containerRef, port: z.number().int().min(1).max(65535), protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp') })
  .strict()

export const stopInput = z
  .object({
    id: containerRef,
    /** Seconds to wait after SIGTERM before SIGKILL. */
    timeout: z.number().int().min(0).max(3600).optional(),
  })
  .strict()

export const removeInput = z
  .object({
    id: containerRef,
    force: z.boolean().optional(),
    /** Also remove the container's anonymous volumes. */
    volumes: z.boolean().optional(),
  })
  .strict()

export const killInput = z
  .object({
    id: containerRef,
    /** A signal name (SIGKILL, KILL, SIGRTMIN+3) or number; the engine default is SIGKILL. */
    signal: z.string().trim().regex(SIGNAL_PATTERN, 'Not a signal name or number, e.g. SIGTERM, HUP or 9').optional(),
  })
  .strict()

/** Only what carries every one of these labels, as `key` or `key=value` (docker's `prune --filter label=…`). */
export const pruneLabels = z.array(z.string().min(1).max(512)).max(16).optional()

export const pruneInput = z
  .object({
    /** Only containers (or networks) carrying these labels. */
    labels: pruneLabels,
  })
  .strict()

const text = (max: number) => z.string().max(max)
const list = (max: number, item = 4096) => z.array(text(item)).max(max)

/** The run form's model (see run/spec.ts); cross-field rules come from validateRunSpec. */
export const runSpec = z
  .object({
    image: text(512),
    name: text(255),
    command: list(256),
    entrypoint: text(4096).nullable(),
    env: list(1024, 32768),
    envFiles: list(16, 4096),
    ports: z
      .array(
        z
          .object({
            hostIp: text(64),
            hostPort: text(5),
            containerPort: text(5),
            protocol: z.enum(PROTOCOLS),
          })
          .strict(),
      )
      .max(256),
    publishAll: z.boolean(),
    mounts: z
      .array(z.object({ type: z.enum(MOUNT_TYPES), source: text(4096), target: text(4096), readOnly: z.boolean() }).strict())
      .max(128),
    volumesFrom: list(32, 255),
    network: text(300),
    aliases: list(32, 255),
    restart: z.enum(RESTART_POLICIES),
    maxRetries: text(6),
    workdir: text(4096),
    user: text(255),
    hostname: text(255),
    labels: list(256, 8192),
    tty: z.boolean(),
    interactive: z.boolean(),
    autoRemove: z.boolean(),
    cpus: text(16),
    memory: text(32),
    health: z
      .object({
        cmd: text(8192),
        interval: text(32),
        timeout: text(32),
        startPeriod: text(32),
        retries: text(6),
        disabled: z.boolean(),
      })
      .strict(),
    ulimits: list(32, 64),
    capAdd: list(64, 64),
    capDrop: list(64, 64),
    devices: list(64, 4096),
    logDriver: text(64),
    logOpts: list(64, 4096),
    init: z.boolean(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    for (const issue of validateRunSpec(spec)) {
      ctx.addIssue({
        code: 'custom',
        path: issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: describeRunIssue(issue),
      })
    }
  })

export const createInput = z
  .object({
    spec: runSpec,
    /** Start it right after creating it (`docker run -d`) rather than only create it. */
    start: z.boolean(),
  })
  .strict()

const UNIX_TIME = /^\d{1,12}(\.\d{1,9})?$/
const LOG_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/

export const logsInput = z
  .object({
    id: containerRef,
    /** Last N lines; 'all' for the whole log. */
    tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]),
    follow: z.boolean(),
    timestamps: z.boolean(),
    /** Seconds since the epoch with up to 9 decimals: only lines at or after it. */
    since: z.string().regex(UNIX_TIME, 'Seconds since the epoch, e.g. 1700000000.5').optional(),
    /**
     * The log time (RFC 3339, as lines carry it) of the oldest line on screen: answers
     * the `tail` lines before it, to page back ("load older"). Implies timestamps.
     */
    before: z.string().regex(LOG_TIME, 'A log time such as 2024-01-02T03:04:05.123456789Z').optional(),
  })
  .strict()

export const updateInput = z
  .object({
    id: containerRef,
    restart: z.enum(RESTART_POLICIES).optional(),
    maxRetries: z.number().int().min(0).max(999_999).optional(),
    /** Decimal CPUs; '' or 0 removes the limit. */
    cpus: z
      .string()
      .trim()
      .refine((v) => v === '' || parseCpus(v) !== undefined, RUN_ISSUE_TEXT.cpus)
      .optional(),
    /** With a unit, e.g. 512m; '' removes the limit. */
    memory: z
      .string()
      .trim()
      .refine((v) => v === '' || (parseMemory(v) ?? 0) >= 6 * 1024 * 1024, RUN_ISSUE_TEXT.memory)
      .optional(),
  })
  .strict()

export const renameInput = z
  .object({ id: containerRef, name: z.string().trim().regex(CONTAINER_NAME_PATTERN, RUN_ISSUE_TEXT.containerName) })
  .strict()

export const commitInput = z
  .object({
    id: containerRef,
    /** repository[:tag] of the new image. */
    reference: z.string().trim().max(512).regex(IMAGE_REF_PATTERN, RUN_ISSUE_TEXT.imageRef),
    message: z.string().max(4096).optional(),
    author: z.string().max(512).optional(),
    /** Pause the container while committing (docker's default). */
    pause: z.boolean().optional(),
  })
  .strict()
