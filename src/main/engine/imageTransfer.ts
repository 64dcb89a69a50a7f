/**
 * Pull and push as tasks, and registry login. The engine streams newline-delimited JSON
 * progress (one line per layer change, `error` on failure); each line becomes the
 * layer's state in the task, and the stream's end or `error` ends the task. Cancelling
 * closes the request, which makes dockerd abandon the transfer.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { isAbsolute } from 'node:path'
import { WharfError } from '../../shared/errors'
import { registryOf, withDefaultTag, type TaskInfo } from '../../shared/tasks'
import type { Credentials, Login } from '../registry/credentials'
import type { TaskHandle, TaskStarter } from '../tasks/tasks'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'
import { createLineParser } from './eventLines'

interface ProgressLine {
  id?: string
  status?: string
  progressDetail?: { current?: number; total?: number }
  error?: string
  errorDetail?: { message?: string }
  aux?: { Digest?: string }
}

/** Reads a progress stream into the task; resolves with the last status line. */
function follow(stream: IncomingMessage, task: TaskHandle): Promise<string> {
  task.onCancel(() => stream.destroy())
  return new Promise((resolve, reject) => {
    let last = ''
    let failed: string | undefined
    const parse = createLineParser((value) => {
      const line = value as ProgressLine
      if (line.error) {
        failed = line.errorDetail?.message ?? line.error
        return
      }
      // "Pulling from x" carries the tag as its id; it is a heading, not a layer.
      if (line.id && line.status && !line.aux && !line.status.startsWith('Pulling from')) {
        const detail = line.progressDetail ?? {}
        task.layer({ id: line.id, status: line.status, current: detail.current, total: detail.total })
      } else if (line.status) last = line.id ? `${line.id}: ${line.status}` : line.status
    })
    stream.on('data', parse)
    stream.on('error', (err) => reject(err))
    stream.on('close', () => (failed ? reject(new Error(failed)) : stream.readableEnded ? resolve(last) : reject(new Error('Cancelled'))))
  })
}

export class ImageTransfer {
  constructor(
    private readonly engine: EngineConnection,
    private readonly tasks: TaskStarter,
    private readonly credentials: Credentials,
  ) {}

  private async authFor(reference: string): Promise<Record<string, string> | undefined> {
    const credential = await this.credentials.get(registryOf(reference))
    return credential ? { ...credential } : undefined
  }

  pull(reference: string): TaskInfo {
    const ref = withDefaultTag(reference)
    return this.tasks.start('pull', ref, async (task) => {
      const docker = await this.engine.client()
      const authconfig = await this.authFor(ref)
      let stream: IncomingMessage
      try {
        stream = (await docker.pull(ref, authconfig ? { authconfig } : {})) as IncomingMessage
      } catch (err) {
        throw toWharfError(err)
      }
      return follow(stream, task)
    })
  }

  push(reference: string): TaskInfo {
    const ref = withDefaultTag(reference)
    return this.tasks.start('push', ref, async (task) => {
      const docker = await this.engine.client()
      const at = ref.lastIndexOf(':')
      const [name, tag] = [ref.slice(0, at), ref.slice(at + 1)]
      const authconfig = (await this.authFor(ref)) ?? { serveraddress: registryOf(ref) }
      let stream: IncomingMessage
      try {
        stream = (await docker.getImage(name).push({ tag, authconfig })) as IncomingMessage
      } catch (err) {
        throw toWharfError(err)
      }
      return follow(stream, task)
    })
  }

  /** `docker load` from a .tar (or .tar.gz) on the machine running Wharf, streamed from disk. */
  async load(path: string): Promise<TaskInfo> {
    const invalid = (message: string): WharfError => new WharfError({ code: 'invalid_input', message, fields: { path: message } })
    if (!isAbsolute(path)) throw invalid('The archive is an absolute file path on the machine running Wharf')
    if (!(await stat(path).catch(() => undefined))?.isFile()) throw invalid(`No file at ${path}`)
    const docker = await this.engine.client()
    return this.tasks.start('load', path, async (task) => {
      const file = createReadStream(path)
      let stream: IncomingMessage
      try {
        stream = (await docker.loadImage(file)) as IncomingMessage
      } catch (err) {
        file.destroy()
        throw toWharfError(err)
      }
      task.onCancel(() => file.destroy())
      const loaded: string[] = []
      const parse = createLineParser((value) => {
        const line = value as { stream?: string }
        const text = line.stream?.trim()
        if (text) {
          task.log(text)
          if (text.startsWith('Loaded image')) loaded.push(text)
        }
      })
      stream.on('data', parse)
      return follow(stream, task).then(() => loaded.join('; ') || 'Loaded')
    })
  }

  /** Checks the credentials with the registry (through the engine) before keeping them. */
  async login(server: string, username: string, password: string): Promise<Login & { status: string }> {
    const docker = await this.engine.client()
    let status: string
    try {
      const answer = (await docker.checkAuth({ serveraddress: server, username, password })) as { Status?: string }
      status = answer.Status ?? 'Login Succeeded'
    } catch (err) {
      const error = toWharfError(err)
      throw new WharfError({ ...error.toData(), code: 'invalid_input', fields: { password: error.message } })
    }
    const login = await this.credentials.set({ serveraddress: server, username, password })
    return { ...login, status }
  }
}
