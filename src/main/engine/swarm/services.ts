/**
 * Swarm services and their tasks (E6): the list with running/desired counts and update
 * status (one `GET /services` and one `GET /tasks`, joined here), create from the form's
 * spec, scale, update the image (a rolling update the engine runs with the service's
 * update policy), roll back, remove.
 */
import type Dockerode from 'dockerode'
import { WharfError } from '../../../shared/errors'
import type { ServiceSpecInput } from '../../../shared/swarm/schemas'
import type { SwarmService, SwarmTask } from '../../../shared/swarm/types'
import type { EngineConnection } from '../connection'
import { engineCall } from './cluster'

interface ServiceData {
  ID: string
  Version: { Index: number }
  CreatedAt: string
  UpdatedAt: string
  Spec: ServiceSpec
  PreviousSpec?: ServiceSpec
  Endpoint?: { Ports?: PortData[] }
  UpdateStatus?: { State?: string; Message?: string }
}

interface PortData {
  Protocol?: 'tcp' | 'udp' | 'sctp'
  TargetPort?: number
  PublishedPort?: number
  PublishMode?: 'ingress' | 'host'
}

interface ServiceSpec {
  Name: string
  Labels?: Record<string, string>
  Mode?: { Replicated?: { Replicas?: number }; Global?: object }
  TaskTemplate: {
    ContainerSpec?: { Image?: string; Secrets?: { SecretName: string }[]; Configs?: { ConfigName: string }[] }
    ForceUpdate?: number
  }
  EndpointSpec?: { Ports?: PortData[] }
}

interface TaskData {
  ID: string
  ServiceID: string
  NodeID?: string
  Slot?: number
  DesiredState: string
  UpdatedAt: string
  Spec: { ContainerSpec?: { Image?: string } }
  Status: { State: string; Message?: string; Err?: string; ContainerStatus?: { ContainerID?: string; ExitCode?: number } }
}

/** `name:tag@sha256:…` as the engine pins it → `name:tag`, as the user wrote it. */
export function plainImage(image: string | undefined): string {
  return (image ?? '').replace(/@sha256:[a-f0-9]{64}$/, '')
}

const pairs = (list: string[]): Record<string, string> =>
  Object.fromEntries(list.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]))

/** The form's spec as the Engine API's ServiceSpec. */
export function toServiceSpec(spec: ServiceSpecInput, secrets: SecretRef[] = []): Record<string, unknown> {
  const nanos = (seconds: number): number => Math.round(seconds * 1e9)
  const update = {
    Parallelism: spec.update.parallelism,
    Delay: nanos(spec.update.delaySeconds),
    FailureAction: spec.update.failureAction,
    Order: spec.update.order,
  }
  return {
    Name: spec.name,
    Labels: pairs(spec.labels),
    Mode: spec.mode === 'global' ? { Global: {} } : { Replicated: { Replicas: spec.replicas } },
    TaskTemplate: {
      ContainerSpec: {
        Image: spec.image,
        ...(spec.command.length ? { Args: spec.command } : {}),
        Env: spec.env,
        Mounts: spec.mounts.map((m) => ({
          Type: m.type,
          ...(m.type === 'tmpfs' ? {} : { Source: m.source }),
          Target: m.target,
          ReadOnly: m.readOnly,
        })),
        Secrets: secrets,
      },
      Placement: { Constraints: spec.constraints.map((c) => c.replace(/\s+/g, '')) },
      Resources: {
        Limits: {
          ...(spec.limits.cpus > 0 ? { NanoCPUs: Math.round(spec.limits.cpus * 1e9) } : {}),
          ...(spec.limits.memoryMb > 0 ? { MemoryBytes: spec.limits.memoryMb * 1024 * 1024 } : {}),
        },
      },
      RestartPolicy: {
        Condition: spec.restart.condition,
        Delay: nanos(spec.restart.delaySeconds),
        MaxAttempts: spec.restart.maxAttempts,
      },
      Networks: spec.networks.map((Target) => ({ Target })),
    },
    UpdateConfig: update,
    // A rollback goes as the update came (the engine's own default is one task at a time).
    RollbackConfig: { ...update, FailureAction: 'pause' },
    EndpointSpec: {
      Ports: spec.ports.map((p) => ({
        Protocol: p.protocol,
        TargetPort: p.target,
        ...(p.published > 0 ? { PublishedPort: p.published } : {}),
        PublishMode: p.mode,
      })),
    },
  }
}

/** A global service wants one task on each node it fits, which are the tasks the scheduler keeps wanting to run. */
export function summarize(services: ServiceData[], tasks: TaskData[]): SwarmService[] {
  const running = new Map<string, number>()
  const globalDesired = new Map<string, number>()
  for (const t of tasks) {
    if (t.Status.State === 'running') running.set(t.ServiceID, (running.get(t.ServiceID) ?? 0) + 1)
    if (t.DesiredState === 'running') globalDesired.set(t.ServiceID, (globalDesired.get(t.ServiceID) ?? 0) + 1)
  }
  return services.map((s) => {
    const global = s.Spec.Mode?.Global !== undefined
    const image = plainImage(s.Spec.TaskTemplate.ContainerSpec?.Image)
    const previous = plainImage(s.PreviousSpec?.TaskTemplate.ContainerSpec?.Image)
    const ports = s.Endpoint?.Ports ?? s.Spec.EndpointSpec?.Ports ?? []
    return {
      id: s.ID,
      name: s.Spec.Name,
      image,
      mode: global ? 'global' : 'replicated',
      desired: global ? (globalDesired.get(s.ID) ?? 0) : (s.Spec.Mode?.Replicated?.Replicas ?? 0),
      running: running.get(s.ID) ?? 0,
      ports: ports.map((p) => ({
        published: p.PublishedPort ?? 0,
        target: p.TargetPort ?? 0,
        protocol: p.Protocol ?? 'tcp',
        mode: p.PublishMode ?? 'ingress',
      })),
      ...(s.UpdateStatus?.State ? { update: { state: s.UpdateStatus.State, message: s.UpdateStatus.Message ?? '' } } : {}),
      ...(previous ? { previousImage: previous } : {}),
      ...(s.Spec.Labels?.['com.docker.stack.namespace'] ? { stack: s.Spec.Labels['com.docker.stack.namespace'] } : {}),
      secrets: (s.Spec.TaskTemplate.ContainerSpec?.Secrets ?? []).map((x) => x.SecretName),
      configs: (s.Spec.TaskTemplate.ContainerSpec?.Configs ?? []).map((x) => x.ConfigName),
      createdAt: s.CreatedAt,
      updatedAt: s.UpdatedAt,
    }
  })
}

export function toTask(t: TaskData, nodeNames: Map<string, string>): SwarmTask {
  const status = t.Status
  return {
    id: t.ID,
    serviceId: t.ServiceID,
    slot: t.Slot ?? 0,
    nodeId: t.NodeID ?? '',
    nodeName: nodeNames.get(t.NodeID ?? '') ?? '',
    image: plainImage(t.Spec.ContainerSpec?.Image),
    desiredState: t.DesiredState,
    state: status.State,
    message: status.Message ?? '',
    error: status.Err ?? '',
    exitCode:
      typeof status.ContainerStatus?.ExitCode === 'number' && ['failed', 'complete', 'shutdown', 'rejected'].includes(status.State)
        ? status.ContainerStatus.ExitCode
        : null,
    containerId: status.ContainerStatus?.ContainerID ?? '',
    updatedAt: t.UpdatedAt,
  }
}

export class SwarmServices {
  constructor(private readonly engine: EngineConnection) {}

  list(): Promise<SwarmService[]> {
    return engineCall(this.engine, async (docker) => {
      const [services, tasks] = await Promise.all([
        docker.listServices() as Promise<ServiceData[]>,
        docker.listTasks() as Promise<TaskData[]>,
      ])
      return summarize(services, tasks)
    })
  }

  /** Every task, or one service's, newest first, with the node's hostname. */
  tasks(service?: string): Promise<SwarmTask[]> {
    return engineCall(this.engine, async (docker) => {
      const filters = service ? { service: [service] } : {}
      const [tasks, nodes] = await Promise.all([
        docker.listTasks({ filters }) as Promise<TaskData[]>,
        docker.listNodes() as Promise<{ ID: string; Description?: { Hostname?: string } }[]>,
      ])
      const names = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname ?? n.ID]))
      return tasks.map((t) => toTask(t, names)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    })
  }

  create(spec: ServiceSpecInput): Promise<{ id: string; name: string }> {
    return engineCall(this.engine, async (docker) => {
      const body = toServiceSpec(spec, await secretRefs(docker, spec.secrets))
      const created = (await docker.createService(body)) as { id?: string; ID?: string }
      return { id: created.id ?? created.ID ?? '', name: spec.name }
    })
  }

  /** Changes the service's current spec and sends it back at its version (a concurrent change makes the engine refuse). */
  private change(id: string, edit: (spec: ServiceSpec) => void, query: Record<string, string | number> = {}): Promise<{ id: string }> {
    return engineCall(this.engine, async (docker) => {
      const service = docker.getService(id)
      const current = (await service.inspect()) as ServiceData
      const spec = structuredClone(current.Spec)
      edit(spec)
      await service.update({ _query: { version: current.Version.Index, ...query }, _body: spec })
      return { id: current.ID }
    })
  }

  scale(id: string, replicas: number): Promise<{ id: string }> {
    return this.change(id, (spec) => {
      if (!spec.Mode?.Replicated)
        throw new WharfError({ code: 'invalid_input', message: 'A global service runs one task per node; it cannot be scaled' })
      spec.Mode.Replicated.Replicas = replicas
    })
  }

  /** A rolling update to another image, run by the engine with the service's update policy. */
  updateImage(id: string, image: string): Promise<{ id: string }> {
    return this.change(id, (spec) => {
      spec.TaskTemplate.ContainerSpec = { ...spec.TaskTemplate.ContainerSpec, Image: image }
    })
  }

  /** `docker service rollback`: the engine puts the previous spec back. */
  rollback(id: string): Promise<{ id: string }> {
    return this.change(id, () => undefined, { rollback: 'previous' })
  }

  remove(id: string): Promise<{ removed: string }> {
    return engineCall(this.engine, async (docker) => {
      await docker.getService(id).remove()
      return { removed: id }
    })
  }
}

interface SecretRef {
  SecretName: string
  SecretID: string
  File: { Name: string; UID: string; GID: string; Mode: number }
}

/** The form names secrets; the engine wants their ids too. */
async function secretRefs(docker: Dockerode, names: string[]): Promise<SecretRef[]> {
  if (names.length === 0) return []
  const secrets = (await docker.listSecrets()) as { ID: string; Spec: { Name: string } }[]
  return names.map((name) => {
    const found = secrets.find((s) => s.Spec.Name === name)
    if (!found) throw new WharfError({ code: 'not_found', message: `secret not found: ${name}` })
    return { SecretName: name, SecretID: found.ID, File: { Name: name, UID: '0', GID: '0', Mode: 0o444 } }
  })
}
