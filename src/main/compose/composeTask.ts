/** "Open project…": reading a compose file and running the user's compose tool on it as a task. */
import type { ComposeCommand } from '../../shared/composeTool'
import { WharfError } from '../../shared/errors'
import type { TaskInfo } from '../../shared/tasks'
import type { AppServices } from '../appServices'
import type { EngineScope } from '../engine/scope'
import { composeArgs, engineEnvironment, readComposeFile, runTool } from './composeRun'
import { composeTool } from './composeTool'
import { dirname } from 'node:path'

export interface ComposeRunInput {
  file: string
  command: ComposeCommand
  project?: string
  /** `up`: build images first (`--build`). */
  build?: boolean
  /** `up`: pull images first (a `pull` run before `up`; build-only services are skipped). */
  pull?: boolean
}

export async function startComposeRun(app: AppServices, engine: EngineScope, input: ComposeRunInput): Promise<TaskInfo> {
  const tool = await composeTool()
  if (!tool)
    throw new WharfError({
      code: 'unsupported',
      message:
        'No compose tool is installed: Wharf looked for `docker compose`, `docker-compose` and `podman-compose`. Install one (e.g. `apt install docker-compose` or the docker-compose-plugin package, `dnf install podman-compose`, or Docker Desktop) and open the file again.',
    })
  const file = await readComposeFile(input.file, tool.name)
  const profile = app.book.entries().find((e) => e.id === engine.id)?.endpoint
  const env = engineEnvironment(engine.connection.getStatus().endpoint, profile, process.env)
  const cwd = dirname(file.path)
  const project = input.project || undefined
  const subject = `${input.command} ${project ?? file.defaultProject} (${tool.name} ${tool.version})`
  return app.tasks.start(
    'compose',
    subject,
    async (task) => {
      if (input.command === 'up' && input.pull)
        await runTool(tool, [...composeArgs(tool, file.path, project, 'pull', {}), '--ignore-pull-failures'], cwd, env, task)
      await runTool(tool, composeArgs(tool, file.path, project, input.command, { build: input.build }), cwd, env, task)
      return `${tool.name} ${input.command} finished`
    },
    engine.id,
  )
}
