/**
 * Swarm stacks (E6) through the Engine API: a stack is whatever carries its
 * `com.docker.stack.namespace` label — services, networks, secrets, configs — as
 * `docker stack deploy` labels them. Removal goes through the API rather than
 * `docker stack rm` so that it works without the docker CLI and on any engine Wharf
 * reaches, and so that networks wait for the removed services' tasks to be gone: the
 * manager refuses to remove a network a task still uses, which the CLI reports as a
 * failure and leaves the network behind.
 */
import type Dockerode from 'dockerode'
import { WharfError } from '../../../shared/errors'
import type { StackResources } from '../../../shared/swarm/types'
import type { TaskHandle } from '../../tasks/tasks'
import type { EngineConnection } from '../connection'
import { toWharfError } from '../engineError'
import { engineCall } from './cluster'

export const STACK_LABEL = 'com.docker.stack.namespace'
const TASKS_POLL_MS = 500
const TASKS_WAIT_MS = 120_000

interface Named {
  ID: string
  Spec: { Name: string }
}

async function find(
  docker: Dockerode,
  name: string,
): Promise<{ services: Named[]; networks: Dockerode.NetworkInspectInfo[]; secrets: Named[]; configs: Named[] }> {
  const filters = { label: [`${STACK_LABEL}=${name}`] }
  const [services, networks, secrets, configs] = await Promise.all([
    docker.listServices({ filters }) as Promise<Named[]>,
    docker.listNetworks({ filters }),
    docker.listSecrets({ filters }) as Promise<Named[]>,
    docker.listConfigs({ filters }) as Promise<Named[]>,
  ])
  return { services, networks, secrets, configs }
}

const names = (list: Named[]): string[] => list.map((x) => x.Spec.Name).sort()

export class SwarmStacks {
  constructor(private readonly engine: EngineConnection) {}

  resources(name: string): Promise<StackResources> {
    return engineCall(this.engine, async (docker) => {
      const found = await find(docker, name)
      return {
        name,
        services: found.services.map((s) => ({ id: s.ID, name: s.Spec.Name })).sort((a, b) => a.name.localeCompare(b.name)),
        networks: found.networks.map((n) => n.Name).sort(),
        secrets: names(found.secrets),
        configs: names(found.configs),
      }
    })
  }

  /**
   * Removes the stack's services, secrets and configs, waits for its tasks to stop, then
   * removes its networks. One refusal does not stop the rest; the refusals, in the
   * engine's words, fail the task at the end.
   */
  async remove(name: string, task: TaskHandle): Promise<string> {
    const { docker, found } = await engineCall(this.engine, async (d) => ({ docker: d, found: await find(d, name) }))
    const total = found.services.length + found.networks.length + found.secrets.length + found.configs.length
    if (total === 0) throw new WharfError({ code: 'not_found', message: `No stack "${name}" on this swarm` })
    let cancelled = false
    task.onCancel(() => (cancelled = true))
    const failures: string[] = []
    const attempt = async (what: string, work: () => Promise<unknown>): Promise<boolean> => {
      task.log(`Removing ${what}`)
      try {
        await work()
        return true
      } catch (err) {
        const message = `${what}: ${toWharfError(err).message}`
        task.log(`Failed to remove ${message}`)
        failures.push(message)
        return false
      }
    }
    const removed = new Set<string>()
    for (const s of found.services) if (await attempt(`service ${s.Spec.Name}`, () => docker.getService(s.ID).remove())) removed.add(s.ID)
    for (const s of found.secrets) await attempt(`secret ${s.Spec.Name}`, () => docker.getSecret(s.ID).remove())
    for (const c of found.configs) await attempt(`config ${c.Spec.Name}`, () => docker.getConfig(c.ID).remove())
    if (found.networks.length > 0 && removed.size > 0) await this.tasksGone(docker, removed, task, () => cancelled)
    for (const n of found.networks) await attempt(`network ${n.Name}`, () => docker.getNetwork(n.Id).remove())
    if (failures.length > 0) throw new Error(`Stack ${name} was removed only in part:\n${failures.join('\n')}`)
    return `Stack ${name} removed (${found.services.length} services, ${found.networks.length} networks, ${found.secrets.length + found.configs.length} secrets and configs)`
  }

  /** Until no task of the removed services is left; the swarm removes them as their containers stop. */
  private async tasksGone(docker: Dockerode, services: Set<string>, task: TaskHandle, cancelled: () => boolean): Promise<void> {
    const deadline = Date.now() + TASKS_WAIT_MS
    let said = -1
    for (;;) {
      const tasks = (await engineCall(this.engine, () => docker.listTasks())) as { ServiceID: string }[]
      const left = tasks.filter((t) => services.has(t.ServiceID)).length
      if (left === 0) return
      if (left !== said) task.log(`Waiting for ${left} ${left === 1 ? 'task' : 'tasks'} to stop before removing networks`)
      said = left
      if (cancelled()) throw new Error('Cancelled before the networks were removed')
      if (Date.now() > deadline) {
        task.log('The tasks are still stopping; trying the networks anyway')
        return
      }
      await new Promise((resolve) => setTimeout(resolve, TASKS_POLL_MS))
    }
  }
}
