/** Inputs of the compose domain (E7), checked in main before anything reaches the engine. */
import { z } from 'zod'
import { PROJECT_ACTIONS } from './compose'
import { COMPOSE_COMMANDS } from './composeTool'

/** Compose's own rule for names, loosened to what older tools and labels written by hand carry. */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/

export const projectName = z
  .string()
  .trim()
  .min(1, 'A project name is required')
  .max(255, 'A project name is at most 255 characters')
  .regex(NAME, 'Not a valid project name (letters, digits, "_", "." and "-")')

export const serviceName = z
  .string()
  .trim()
  .min(1, 'A service name is required')
  .max(255, 'A service name is at most 255 characters')
  .regex(NAME, 'Not a valid service name (letters, digits, "_", "." and "-")')

export const projectRef = z.object({ project: projectName }).strict()

export const projectActionInput = z
  .object({
    project: projectName,
    action: z.enum(PROJECT_ACTIONS),
    /** Only this service's containers. */
    service: serviceName.optional(),
  })
  .strict()

const resourceName = z.string().trim().min(1).max(255)

export const removeResourcesInput = z
  .object({
    project: projectName,
    networks: z.array(resourceName).max(100),
    volumes: z.array(resourceName).max(100),
  })
  .strict()
  .refine((v) => v.networks.length + v.volumes.length > 0, { message: 'Name at least one network or volume to remove' })

export const projectLogsInput = z
  .object({
    project: projectName,
    /** Only these services; every service when absent or empty. */
    services: z.array(serviceName).max(100).optional(),
    /** Each container's last N lines; 'all' for whole logs. */
    tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]),
    follow: z.boolean(),
  })
  .strict()

/** A compose file on the machine running Wharf (also what `docker stack deploy -c` reads). */
export const composeFilePath = z
  .string()
  .trim()
  .min(1, 'Type the path of a compose file')
  .max(4096)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p),
    'An absolute path on the machine running Wharf, e.g. /home/me/app/compose.yaml',
  )
  .refine((p) => !p.includes('\0'), 'Not a valid path')

export const composeFileInput = z.object({ path: composeFilePath }).strict()

export const composeRunInput = z
  .object({
    file: composeFilePath,
    command: z.enum(COMPOSE_COMMANDS),
    /** `-p`: the project name; the tool's default (the folder's name) when absent. */
    project: z
      .string()
      .trim()
      .max(255)
      .regex(/^([a-z0-9][a-z0-9_-]*)?$/, 'A project name is lowercase letters, digits, "_" and "-", starting with a letter or digit')
      .optional(),
    build: z.boolean().optional(),
    pull: z.boolean().optional(),
  })
  .strict()

export const toolInput = z.object({ refresh: z.boolean().optional() }).strict()
