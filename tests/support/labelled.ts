import type Dockerode from 'dockerode'

/** Removes every container (then volume) carrying `wharf.test=<value>`, whatever its state: a test run's own. */
export async function removeLabelled(docker: Dockerode, value: string): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [`wharf.test=${value}`] } })
  await Promise.all(
    list.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  )
  const { Volumes } = await docker.listVolumes({ filters: { label: [`wharf.test=${value}`] } })
  // A Wharf under test may still hold a helper on them (removed after 90 s idle): end those first.
  const names = new Set((Volumes ?? []).map((v) => v.Name))
  const helpers = await docker.listContainers({ all: true, filters: { label: ['wharf.helper'] } })
  await Promise.all(
    helpers
      .filter((h) => (h.Labels['wharf.helper.volumes'] ?? '').split(',').some((v) => names.has(v)))
      .map((h) =>
        docker
          .getContainer(h.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
  )
  await Promise.all(
    (Volumes ?? []).map((v) =>
      docker
        .getVolume(v.Name)
        .remove()
        .catch(() => undefined),
    ),
  )
}
