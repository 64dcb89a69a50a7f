import type Dockerode from 'dockerode'
import { WharfError } from '../../shared/errors'
import type { RunSpec } from '../../shared/run/spec'
import { parseCpus, parseMemory } from '../../shared/run/units'
import type { ActionResult, CommitResult, ContainerChange, ContainerInspect, CreateResult } from '../../shared/types'
import type { EngineConnection } from './connection'
import { asError, toWharfError } from './engineError'
import { KeyedQueue } from './keyedQueue'
import { createBody } from './run/createBody'
import { readEnvFiles } from './run/envFile'

const CHANGE_KINDS = ['C', 'A', 'D'] as const

export interface UpdateOptions {
  restart?: RunSpec['restart']
  maxRetries?: number
  cpus?: string
  memory?: string
}

/** Creating containers and changing their configuration: run, update, rename, commit, inspect, diff. */
export class ContainerConfigService {
  constructor(
    private readonly engine: EngineConnection,
    /** The lifecycle service's queue, so an update never races a stop of the same container. */
    private readonly queue: KeyedQueue = new KeyedQueue(),
  ) {}

  async create(spec: RunSpec, start: boolean): Promise<CreateResult> {
    // As the docker CLI does: env files first, then -e entries, so -e wins on a clash.
    const env = lastWins([...(await readEnvFiles(spec.envFiles)), ...spec.env])
    const docker = await this.engine.client()
    const { name, ...body } = createBody(spec, env)
    let created: { Id: string; Warnings?: string[] | null }
    try {
      created = await dial<{ Id: string; Warnings?: string[] | null }>(docker, {
        path: '/containers/create?',
        method: 'POST',
        options: { _query: name ? { name } : {}, _body: body },
        statusCodes: { 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error' },
      })
    } catch (err) {
      throw toWharfError(err)
    }
    const container = docker.getContainer(created.Id)
    const finalName =
      name ??
      (await container.inspect().then(
        (i) => i.Name.replace(/^\//, ''),
        () => created.Id.slice(0, 12),
      ))
    const result: CreateResult = { id: created.Id, name: finalName, warnings: created.Warnings ?? [], started: false }
    if (!start) return result
    try {
      await this.queue.run(created.Id, () => container.start())
    } catch (err) {
      const engineError = toWharfError(err)
      // The container exists now, as after a failed `docker run`; say so, with the engine's reason.
      throw new WharfError({
        ...engineError.toData(),
        message: `Created ${finalName}, but it could not start: ${engineError.message}`,
      })
    }
    return { ...result, started: true }
  }

  inspect(id: string): Promise<ContainerInspect> {
    return this.engine
      .client()
      .then((docker) => docker.getContainer(id).inspect())
      .then((info) => info as unknown as ContainerInspect)
      .catch((err: unknown) => {
        throw toWharfError(err)
      })
  }

  async changes(id: string): Promise<ContainerChange[]> {
    try {
      const docker = await this.engine.client()
      const changes = changeList(await docker.getContainer(id).changes())
      return changes.map((c) => ({ path: c.Path, kind: CHANGE_KINDS[c.Kind] ?? 'C' }))
    } catch (err) {
      throw toWharfError(err)
    }
  }

  update(id: string, options: UpdateOptions): Promise<ActionResult> {
    return this.act(id, async (container) => {
      const body: Record<string, unknown> = {}
      if (options.restart) {
        body.RestartPolicy = {
          Name: options.restart === 'no' ? '' : options.restart,
          MaximumRetryCount: options.restart === 'on-failure' ? (options.maxRetries ?? 0) : 0,
        }
      }
      if (options.cpus !== undefined) body.NanoCpus = options.cpus === '' ? 0 : parseCpus(options.cpus)
      if (options.memory) {
        const memory = parseMemory(options.memory)!
        // Raise the swap ceiling with the limit, as the engine does at create time (2×),
        // otherwise a larger limit is refused for exceeding the old memory+swap.
        body.Memory = memory
        body.MemorySwap = memory * 2
      }
      await container.update(body)
    })
  }

  rename(id: string, name: string): Promise<ActionResult> {
    return this.act(id, (container) => container.rename({ name }))
  }

  async commit(id: string, reference: string, options: { message?: string; author?: string; pause?: boolean }): Promise<CommitResult> {
    const slash = reference.lastIndexOf('/')
    const colon = reference.lastIndexOf(':')
    const [repo, tag] = colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest']
    try {
      const docker = await this.engine.client()
      const result = (await this.queue.run(id, () =>
        docker
          .getContainer(id)
          .commit({ repo, tag, comment: options.message ?? '', author: options.author ?? '', pause: options.pause ?? true }),
      )) as { Id: string }
      return { imageId: result.Id }
    } catch (err) {
      throw toWharfError(err)
    }
  }

  private act(id: string, action: (container: Dockerode.Container) => Promise<unknown>): Promise<ActionResult> {
    return this.queue.run(id, async () => {
      try {
        const container = (await this.engine.client()).getContainer(id)
        await action(container)
        const info = await container.inspect()
        return { id: info.Id, state: info.State.Status as ActionResult['state'] }
      } catch (err) {
        throw toWharfError(err)
      }
    })
  }
}

interface RawChange {
  Path: string
  Kind: number
}

/**
 * dockerd answers `null` when the layer is empty, and docker-modem hands a body that
 * parses to null back as its raw bytes, so the answer is read whatever shape it arrives in.
 */
function changeList(raw: unknown): RawChange[] {
  if (Array.isArray(raw)) return raw as RawChange[]
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : ''
  if (!text.trim()) return []
  const parsed: unknown = JSON.parse(text)
  return Array.isArray(parsed) ? (parsed as RawChange[]) : []
}

/** One entry per variable name, the later value replacing the earlier in place. */
function lastWins(env: string[]): string[] {
  const byName = new Map<string, string>()
  for (const entry of env) {
    const name = entry.split('=')[0]
    byName.delete(name)
    byName.set(name, entry)
  }
  return [...byName.values()]
}

function dial<T>(docker: Dockerode, options: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(options as never, (err: unknown, data: unknown) => (err ? reject(asError(err)) : resolve(data as T)))
  })
}
