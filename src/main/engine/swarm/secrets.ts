/**
 * Swarm secrets and configs (E6): list with the services using each, create (the value
 * goes to the engine and is never read back), remove — refused while a service uses it,
 * naming the services, before the engine is asked (its own refusal names only ids).
 */
import { WharfError } from '../../../shared/errors'
import type { SecretKind, SwarmSecret } from '../../../shared/swarm/types'
import type { EngineConnection } from '../connection'
import { engineCall } from './cluster'

interface SecretData {
  ID: string
  CreatedAt: string
  Spec: { Name: string; Labels?: Record<string, string> }
}

interface ServiceRefs {
  Spec: {
    Name: string
    TaskTemplate: { ContainerSpec?: { Secrets?: { SecretID: string }[]; Configs?: { ConfigID: string }[] } }
  }
}

const pairs = (list: string[]): Record<string, string> =>
  Object.fromEntries(list.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]))

export class SwarmSecrets {
  constructor(private readonly engine: EngineConnection) {}

  list(kind: SecretKind): Promise<SwarmSecret[]> {
    return engineCall(this.engine, async (docker) => {
      const [items, services] = await Promise.all([
        (kind === 'secret' ? docker.listSecrets() : docker.listConfigs()) as Promise<SecretData[]>,
        docker.listServices() as Promise<ServiceRefs[]>,
      ])
      return items
        .map((item) => ({
          id: item.ID,
          kind,
          name: item.Spec.Name,
          createdAt: item.CreatedAt,
          labels: item.Spec.Labels ?? {},
          usedBy: usersOf(item.ID, kind, services),
        }))
        .sort((a, b) => a.name.localeCompare(b.name))
    })
  }

  create(kind: SecretKind, name: string, value: string, labels: string[]): Promise<{ id: string; name: string }> {
    return engineCall(this.engine, async (docker) => {
      const spec = { Name: name, Labels: pairs(labels), Data: Buffer.from(value, 'utf8').toString('base64') }
      const created = (await (kind === 'secret' ? docker.createSecret(spec) : docker.createConfig(spec))) as { id?: string; ID?: string }
      return { id: created.id ?? created.ID ?? '', name }
    })
  }

  remove(kind: SecretKind, id: string): Promise<{ removed: string }> {
    return engineCall(this.engine, async (docker) => {
      const item = (await (kind === 'secret' ? docker.getSecret(id) : docker.getConfig(id)).inspect()) as SecretData
      const users = usersOf(item.ID, kind, (await docker.listServices()) as ServiceRefs[])
      if (users.length > 0)
        throw new WharfError({
          code: 'conflict',
          message: `${item.Spec.Name} is in use by ${users.length === 1 ? 'service' : 'services'} ${users.join(', ')}; remove it from ${users.length === 1 ? 'that service' : 'them'} first`,
        })
      await (kind === 'secret' ? docker.getSecret(item.ID) : docker.getConfig(item.ID)).remove()
      return { removed: item.Spec.Name }
    })
  }
}

function usersOf(id: string, kind: SecretKind, services: ServiceRefs[]): string[] {
  return services
    .filter((s) => {
      const c = s.Spec.TaskTemplate.ContainerSpec
      return kind === 'secret' ? (c?.Secrets ?? []).some((x) => x.SecretID === id) : (c?.Configs ?? []).some((x) => x.ConfigID === id)
    })
    .map((s) => s.Spec.Name)
    .sort()
}
