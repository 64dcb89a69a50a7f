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
import type { Readable } from 'node:stream'
import type Dockerode from 'dockerode'
import { WharfError } from '../../shared/errors'
import { registryOf, withDefaultTag, type TaskInfo } from '../../shared/tasks'
import type { Credentials, Login } from '../registry/credentials'
import type { TaskHandle, TaskStarter } from '../tasks/tasks'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'
import { createLineParser } from './eventLines'
import { onBodyFailure } from '../storage/uploadBody'
import { byteCounter } from '../images/uploadLimit'

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

/**
 * POST /images/load with `source` as the body. The request is aborted when the source
 * fails or the task is cancelled (dockerd then drops the half-read archive), so the
 * load never waits on a body that will not come.
 */
async function loadInto(docker: Dockerode, source: Readable, task: TaskHandle): Promise<string> {
  const abort = new AbortController()
  const stop = (): void => abort.abort()
  source.once('error', stop)
  task.onCancel(() => {
    stop()
    source.destroy()
  })
  let stream: IncomingMessage
  try {
    stream = (await docker.loadImage(source, { abortSignal: abort.signal })) as IncomingMessage
  } catch (err) {
    source.destroy()
    throw source.errored ?? toWharfError(err)
  }
  abort.signal.addEventListener('abort', () => stream.destroy())
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
    return this.tasks.start('load', path, (task) => loadInto(docker, createReadStream(path), task))
  }

  /**
   * `docker load` of an archive a browser uploads (browser mode), streamed to the engine as
   * it arrives. Settles when the load ends, with its result or the reason it failed (the
   * engine's words, the upload's limit, or the upload stopping), which the uploader gets
   * as the answer to its request; the task shows progress meanwhile.
   */
  async loadUpload(name: string, body: Readable, limit: number): Promise<TaskInfo> {
    const docker = await this.engine.client()
    return new Promise((resolve, reject) => {
      const info = this.tasks.start('load', name, async (task) => {
        const counter = byteCounter('image archive', limit)
        onBodyFailure(body, (err) =>
          counter.destroy(new WharfError({ code: 'invalid_input', message: `The upload stopped before its end (${err.message})` })),
        )
        body.pipe(counter)
        try {
          const result = await loadInto(docker, counter, task)
          resolve({ ...info, state: 'done', message: result })
          return result
        } catch (err) {
          // Too big or cut off is the upload's fault, said as such; the rest is the engine's.
          const said = toWharfError(err)
          reject(
            counter.errored instanceof WharfError
              ? counter.errored
              : said.code === 'internal'
                ? new WharfError({ code: 'engine_error', message: said.message })
                : said,
          )
          throw err
        } finally {
          body.unpipe(counter)
        }
      })
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
