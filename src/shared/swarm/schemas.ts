/** Inputs of the swarm methods (E6), checked in main before the engine sees them. */
import { z } from 'zod'
import { fieldText } from '../fieldText'
import { IMAGE_REF_PATTERN } from '../patterns'
import { composeFilePath } from '../composeSchemas'

/** host, host:port, IPv4 or an interface name, as `--advertise-addr` / `--listen-addr` take them. */
const address = z
  .string()
  .trim()
  .max(255)
  .regex(/^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9_.:-]+)(:\d{1,5})?$/, fieldText('swarmAddress'))

const objectId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9_.-]+$/)

/** Service, secret and config names: letters, digits, `_ . -`, as the engine accepts them. */
const objectName = z
  .string()
  .trim()
  .min(1, fieldText('swarmNameRequired'))
  .max(63)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, fieldText('swarmName'))

const image = z.string().trim().min(1, fieldText('imageNameRequired')).max(512).regex(IMAGE_REF_PATTERN, fieldText('imageName'))

const keyValue = z
  .string()
  .max(4096)
  .regex(/^[^=\s][^=]*=/, fieldText('keyValue'))

export const initInput = z
  .object({ advertiseAddr: z.union([address, z.literal('')]), listenAddr: z.union([address, z.literal('')]) })
  .strict()

export const joinInput = z
  .object({
    remoteAddr: address.min(1, fieldText('swarmManagerRequired')),
    token: z
      .string()
      .trim()
      .regex(/^SWMTKN-1-[a-z0-9]+-[a-z0-9]+$/, fieldText('swarmToken')),
    advertiseAddr: z.union([address, z.literal('')]),
  })
  .strict()

export const leaveInput = z.object({ force: z.boolean() }).strict()

export const idInput = z.object({ id: objectId }).strict()

export const nodeUpdateInput = z
  .object({
    id: objectId,
    role: z.enum(['manager', 'worker']).optional(),
    availability: z.enum(['active', 'pause', 'drain']).optional(),
  })
  .strict()

export const tasksInput = z.object({ service: objectId.optional() }).strict()

const port = z
  .object({
    published: z.number().int().min(0).max(65535),
    target: z.number().int().min(1).max(65535),
    protocol: z.enum(['tcp', 'udp', 'sctp']),
    mode: z.enum(['ingress', 'host']),
  })
  .strict()

const mount = z
  .object({
    type: z.enum(['volume', 'bind', 'tmpfs']),
    source: z.string().trim().max(4096),
    target: z.string().trim().min(1).max(4096).startsWith('/', fieldText('swarmMountTarget')),
    readOnly: z.boolean(),
  })
  .strict()

/** A placement constraint as `--constraint` takes it: `node.role==manager`, `node.labels.zone!=eu`. */
const constraint = z
  .string()
  .trim()
  .max(512)
  .regex(/^[a-zA-Z0-9_.-]+\s*(==|!=)\s*\S.*$/, fieldText('swarmConstraint'))

export const serviceSpecInput = z
  .object({
    name: objectName,
    image,
    mode: z.enum(['replicated', 'global']),
    replicas: z.number().int().min(0).max(10_000),
    /** Arguments after the image (replaces its CMD); empty keeps the image's. */
    command: z.array(z.string().max(4096)).max(256),
    env: z.array(keyValue).max(256),
    ports: z.array(port).max(64),
    mounts: z.array(mount).max(64),
    networks: z.array(objectName).max(16),
    constraints: z.array(constraint).max(32),
    secrets: z.array(objectName).max(64),
    labels: z.array(keyValue).max(64),
    /** CPUs (e.g. 0.5) and MiB; 0 is no limit. */
    limits: z.object({ cpus: z.number().min(0).max(1024), memoryMb: z.number().int().min(0).max(1_048_576) }).strict(),
    update: z
      .object({
        parallelism: z.number().int().min(0).max(1000),
        delaySeconds: z.number().min(0).max(86_400),
        failureAction: z.enum(['pause', 'continue', 'rollback']),
        order: z.enum(['stop-first', 'start-first']),
      })
      .strict(),
    restart: z
      .object({
        condition: z.enum(['none', 'on-failure', 'any']),
        /** 0 is unlimited. */
        maxAttempts: z.number().int().min(0).max(1000),
        delaySeconds: z.number().min(0).max(86_400),
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>()
    for (const [i, p] of s.ports.entries()) {
      const key = `${p.published}/${p.protocol}`
      if (p.published > 0 && seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['ports', i], message: fieldText('swarmPortTwice', { port: key }) })
      seen.add(key)
    }
    for (const [i, m] of s.mounts.entries())
      if (m.type !== 'tmpfs' && !m.source) ctx.addIssue({ code: 'custom', path: ['mounts', i], message: fieldText('swarmMountSource') })
  })

export type ServiceSpecInput = z.infer<typeof serviceSpecInput>

export const scaleInput = z.object({ id: objectId, replicas: z.number().int().min(0).max(10_000) }).strict()

export const updateImageInput = z.object({ id: objectId, image }).strict()

export const serviceLogsInput = z.object({ id: objectId, tail: z.number().int().min(0).max(100_000), follow: z.boolean() }).strict()

export const secretKind = z.enum(['secret', 'config'])

export const secretListInput = z.object({ kind: secretKind }).strict()

export const secretCreateInput = z
  .object({
    kind: secretKind,
    name: objectName,
    /** The value; never sent back (the engine does not give a secret's value out either). */
    value: z
      .string()
      .min(1, fieldText('swarmValueRequired'))
      .max(500 * 1024, fieldText('swarmValueLong')),
    labels: z.array(keyValue).max(64),
  })
  .strict()

export const secretRemoveInput = z.object({ kind: secretKind, id: objectId }).strict()

/** A stack's name as `docker stack deploy` takes it (it prefixes every service and network with it). */
export const stackName = z
  .string()
  .trim()
  .min(1, fieldText('stackNameRequired'))
  .max(63, fieldText('stackName'))
  .regex(/^[a-z0-9][a-z0-9_-]*$/, fieldText('stackName'))

export const stackRef = z.object({ name: stackName }).strict()

export const stackDeployInput = z
  .object({
    name: stackName,
    file: composeFilePath,
    /** `--prune`: remove the stack's services the file no longer names. */
    prune: z.boolean(),
    /** `--resolve-image`: ask the registry for each image's digest (always), only when changed, or never (local images). */
    resolveImage: z.enum(['always', 'changed', 'never']),
  })
  .strict()

export type StackDeployInput = z.infer<typeof stackDeployInput>

export const stackToolInput = z.object({ refresh: z.boolean().optional() }).strict()
