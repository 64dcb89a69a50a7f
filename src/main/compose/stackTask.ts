/**
 * Swarm stacks as tasks: "Deploy stack…" runs the docker CLI's `docker stack deploy -c
 * FILE NAME` (the only tool that turns a compose file into swarm objects) through the
 * compose tool runner, pointed at the engine with DOCKER_HOST; "Remove stack" removes the
 * stack's objects through the Engine API (engine/swarm/stacks.ts says why).
 */
import { dirname } from 'node:path'
import { WharfError } from '../../shared/errors'
import type { StackDeployInput } from '../../shared/swarm/schemas'
import { stackDeployArgs } from '../../shared/swarm/stackCommand'
import type { TaskInfo } from '../../shared/tasks'
import type { AppServices } from '../appServices'
import type { EngineScope } from '../engine/scope'
import { engineEnvironment, readComposeFile, runTool } from './composeRun'
import { stackTool } from './stackTool'

export const NO_DOCKER_CLI =
  'Deploying a stack needs the docker CLI (`docker stack deploy`), which is not installed where Wharf runs. Install it (Debian/Ubuntu: `sudo apt install docker.io`, or docker-ce-cli from Docker’s repository; Fedora: `sudo dnf install docker-cli`; macOS and Windows: Docker Desktop) and try again. Podman’s `docker` command has no stacks.'

async function requireManager(engine: EngineScope): Promise<void> {
  const status = await engine.swarm.cluster.status()
  if (!status.manager)
    throw new WharfError({
      code: 'unsupported',
      message:
        status.state === 'active'
          ? 'This engine is a swarm worker; stacks are deployed and removed on a manager. Add a manager of this swarm to Wharf and use it.'
          : 'This engine is not in a swarm; a stack needs a swarm manager. Initialize a swarm on it (Swarm pane) or pick an engine that manages one.',
    })
}

export async function startStackDeploy(app: AppServices, engine: EngineScope, input: StackDeployInput): Promise<TaskInfo> {
  const tool = await stackTool()
  if (!tool) throw new WharfError({ code: 'unsupported', message: NO_DOCKER_CLI })
  const file = await readComposeFile(input.file)
  await requireManager(engine)
  const profile = app.book.entries().find((e) => e.id === engine.id)?.endpoint
  const env = engineEnvironment(engine.connection.getStatus().endpoint, profile, process.env)
  return app.tasks.start(
    'stack',
    `deploy ${input.name} (docker ${tool.version})`,
    async (task) => {
      await runTool(tool, stackDeployArgs({ ...input, file: file.path }), dirname(file.path), env, task)
      return `Stack ${input.name} deployed`
    },
    engine.id,
  )
}

export async function startStackRemove(app: AppServices, engine: EngineScope, name: string): Promise<TaskInfo> {
  await requireManager(engine)
  // Refused at once (not as a failed task) when there is nothing by that name.
  const found = await engine.swarm.stacks.resources(name)
  if (found.services.length + found.networks.length + found.secrets.length + found.configs.length === 0)
    throw new WharfError({ code: 'not_found', message: `No stack "${name}" on this swarm` })
  return app.tasks.start('stack', `remove ${name}`, (task) => engine.swarm.stacks.remove(name, task), engine.id)
}
