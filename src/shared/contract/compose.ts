/** Compose projects (E7): this domain's part of the contract (see index.ts). */
import { appMethod, engineMethod, engineStream } from './spec'
import * as c from '../composeSchemas'
import type { ComposeFile, ComposeToolInfo } from '../composeTool'
import type { TaskInfo } from '../tasks'
import type { ProjectActionResult, ProjectLogBatch, ProjectResources, ProjectResourcesRemoved } from '../compose'

export const composeMethods = {
  /**
   * Start, stop, restart, pause, unpause or remove (stopping first) every container of a
   * project, or of one of its services, through the Engine API; refusals per container.
   */
  'compose.act': engineMethod<typeof c.projectActionInput, ProjectActionResult>(c.projectActionInput),
  /** The networks and named volumes carrying the project's label (listed before asking to remove them). */
  'compose.resources': engineMethod<typeof c.projectRef, ProjectResources>(c.projectRef),
  /** Removes the named networks and volumes, each only if it carries the project's label. */
  'compose.removeResources': engineMethod<typeof c.removeResourcesInput, ProjectResourcesRemoved>(c.removeResourcesInput),
  /** Which compose tool runs compose files (`docker compose`, `docker-compose`, `podman-compose`) and its version; `refresh` looks again. */
  'compose.tool': appMethod<typeof c.toolInput, ComposeToolInfo>(c.toolInput),
  /** Reads a compose file on the machine running Wharf (absolute path, .yml/.yaml, at most 512 KiB) to show it. */
  'compose.readFile': appMethod<typeof c.composeFileInput, ComposeFile>(c.composeFileInput),
  /** Runs `up -d` (optionally pulling or building first), `down`, `pull`, `build` or `config` on a compose file against this engine, as a task. */
  'compose.run': engineMethod<typeof c.composeRunInput, TaskInfo>(c.composeRunInput),
} as const

export const composeStreams = {
  /** Every container's log of the project merged in time order, each line tagged with its container; ends as container logs do. */
  'compose.logs': engineStream<typeof c.projectLogsInput, ProjectLogBatch>(c.projectLogsInput),
} as const
