import type { ActionResult, ContainerSummary, PruneResult } from '../../shared/types'
import { toContainerSummary } from './containerSummary'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'
import { FirstList } from './firstList'
import { KeyedQueue } from './keyedQueue'

/** Container operations on the connected engine. Actions on one container are serialized. */
export class ContainersService {
  private readonly firstList: FirstList

  constructor(
    private readonly engine: EngineConnection,
    /** Shared with every service that acts on containers, so actions on one never overlap. */
    readonly queue: KeyedQueue = new KeyedQueue(),
  ) {
    this.firstList = new FirstList(engine, () => this.fetchList())
  }

  async list(): Promise<ContainerSummary[]> {
    // Wait out a connection in progress first: connecting is what starts the prefetch.
    await this.engine.client().catch(() => undefined)
    return this.firstList.take() ?? this.fetchList()
  }

  dispose(): void {
    this.firstList.dispose()
  }

  private async fetchList(): Promise<ContainerSummary[]> {
    try {
      const items = await (await this.engine.client()).listContainers({ all: true })
      const listedAt = Date.now()
      return items.map((item) => toContainerSummary(item, listedAt))
    } catch (err) {
      throw toWharfError(err)
    }
  }

  start(id: string): Promise<ActionResult> {
    return this.act(id, (c) => c.start())
  }

  stop(id: string, timeout?: number): Promise<ActionResult> {
    return this.act(id, (c) => c.stop(timeout === undefined ? {} : { t: timeout }))
  }

  restart(id: string, timeout?: number): Promise<ActionResult> {
    return this.act(id, (c) => c.restart(timeout === undefined ? {} : { t: timeout }))
  }

  kill(id: string, signal?: string): Promise<ActionResult> {
    return this.act(id, (c) => c.kill(signal ? { signal } : {}))
  }

  pause(id: string): Promise<ActionResult> {
    return this.act(id, (c) => c.pause())
  }

  unpause(id: string): Promise<ActionResult> {
    return this.act(id, (c) => c.unpause())
  }

  async prune(labels?: string[]): Promise<PruneResult> {
    try {
      const docker = await this.engine.client()
      const result = await docker.pruneContainers(labels?.length ? { filters: { label: labels } } : {})
      return { removed: result.ContainersDeleted ?? [], spaceReclaimed: result.SpaceReclaimed ?? 0 }
    } catch (err) {
      throw toWharfError(err)
    }
  }

  remove(id: string, options: { force?: boolean; volumes?: boolean }): Promise<ActionResult> {
    return this.queue.run(id, async () => {
      const container = (await this.engine.client()).getContainer(id)
      let fullId = id
      try {
        fullId = (await container.inspect()).Id
        await container.remove({ force: options.force ?? false, v: options.volumes ?? false })
      } catch (err) {
        throw toWharfError(err)
      }
      return { id: fullId, state: 'removed' }
    })
  }

  /** Runs an action, then reports the state the engine actually reached. */
  private act(id: string, action: (c: ReturnType<EngineConnection['docker']['getContainer']>) => Promise<unknown>): Promise<ActionResult> {
    return this.queue.run(id, async () => {
      const container = (await this.engine.client()).getContainer(id)
      try {
        await action(container)
      } catch (err) {
        const wharfError = toWharfError(err)
        // 304: already in the requested state, which is what the user wanted.
        if (wharfError.code !== 'not_modified') throw wharfError
      }
      try {
        const info = await container.inspect()
        return { id: info.Id, state: info.State.Status as ActionResult['state'] }
      } catch (err) {
        throw toWharfError(err)
      }
    })
  }
}
