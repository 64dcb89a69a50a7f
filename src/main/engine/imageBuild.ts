/**
 * `docker build` as a task: the context streamed from disk (see buildContext.ts), the
 * build output kept as the task's log, and a failure reported with the step it stopped
 * at ("Step 3/5 : RUN make — The command … returned a non-zero code: 2").
 */
import type Dockerode from 'dockerode'
import type { IncomingMessage } from 'node:http'
import type { TaskInfo } from '../../shared/tasks'
import type { TaskHandle, TaskStarter } from '../tasks/tasks'
import { checkContext, packContext } from './buildContext'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'
import { createLineParser } from './eventLines'

export interface BuildOptions {
  context: string
  dockerfile: string
  tags: string[]
  buildArgs: Record<string, string>
  target?: string
  noCache: boolean
  pull: boolean
}

interface BuildLine {
  stream?: string
  status?: string
  error?: string
  errorDetail?: { message?: string }
  aux?: { ID?: string }
}

export class ImageBuild {
  constructor(
    private readonly engine: EngineConnection,
    private readonly tasks: TaskStarter,
  ) {}

  /**
   * Starts the build. `owned` is for a context Wharf made (an upload): its name for the
   * task, and how to remove it, which happens when the build ends however it ends, or
   * at once when the build cannot start.
   */
  async build(options: BuildOptions, owned?: { name: string; dispose: () => Promise<void> }): Promise<TaskInfo> {
    let dockerfile: string
    let docker: Dockerode
    try {
      dockerfile = await checkContext(options.context, options.dockerfile)
      docker = await this.engine.client()
    } catch (err) {
      await owned?.dispose()
      throw err
    }
    return this.tasks.start('build', options.tags[0] ?? owned?.name ?? options.context, async (task) => {
      try {
        return await this.run(docker, options, dockerfile, task)
      } finally {
        await owned?.dispose()
      }
    })
  }

  private async run(docker: Dockerode, options: BuildOptions, dockerfile: string, task: TaskHandle): Promise<string> {
    const { stream: context } = await packContext(options.context, dockerfile)
    let response: IncomingMessage
    try {
      // Several `t` parameters tag the result with each name (querystring repeats arrays).
      const query = {
        dockerfile,
        t: options.tags,
        buildargs: options.buildArgs,
        ...(options.target ? { target: options.target } : {}),
        nocache: options.noCache,
        ...(options.pull ? { pull: true } : {}),
        rm: true,
        forcerm: true,
      } as unknown as Dockerode.ImageBuildOptions
      response = (await docker.buildImage(context, query)) as unknown as IncomingMessage
    } catch (err) {
      context.destroy()
      throw toWharfError(err)
    }
    task.onCancel(() => {
      response.destroy()
      context.destroy()
    })
    return new Promise<string>((resolve, reject) => {
      let step = ''
      let imageId = ''
      let failure: string | undefined
      const parse = createLineParser((value) => {
        const line = value as BuildLine
        if (line.error) {
          failure = line.errorDetail?.message ?? line.error
          task.log(failure)
          return
        }
        if (line.aux?.ID) imageId = line.aux.ID
        const text = line.stream ?? line.status
        if (!text) return
        for (const part of text.split('\n')) {
          if (!part.trim()) continue
          if (/^Step \d+\/\d+ : /.test(part)) step = part
          task.log(part)
        }
      })
      response.on('data', parse)
      response.on('error', reject)
      response.on('close', () => {
        if (failure) reject(new Error(step ? `${step} — ${failure}` : failure))
        else if (!response.readableEnded) reject(new Error('Cancelled'))
        else resolve(`Built ${imageId}${options.tags.length ? ` as ${options.tags.join(', ')}` : ''}`)
      })
    })
  }
}
