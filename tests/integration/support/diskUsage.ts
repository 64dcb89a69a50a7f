/**
 * What the Engine pane's tests put on an engine (Docker or Podman): a stopped container
 * with bytes in its writable layer, a volume holding bytes, an image with a layer of its
 * own. All labelled with the run's id, so prunes and clean-up touch nothing else.
 */
import type Dockerode from 'dockerode'
import { runId, TEST_IMAGE, uniqueName } from './engine'

export const MiB = 1024 * 1024
const labels = { 'wharf.test': runId }

/** Runs `script` in a labelled container from the test image and waits for it to exit 0; the container stays. */
export async function runToExit(
  docker: Dockerode,
  script: string,
  binds: string[] = [],
  name = uniqueName('df'),
): Promise<Dockerode.Container> {
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['sh', '-c', script],
    Labels: labels,
    HostConfig: { Binds: binds },
  })
  await c.start()
  const { StatusCode } = (await c.wait()) as { StatusCode: number }
  if (StatusCode !== 0) throw new Error(`${script} exited ${StatusCode}`)
  return c
}

/** `n` MiB of zeros into `path`. busybox's `head` reads /dev/zero as well as dd would. */
export const fill = (path: string, n: number): string => `head -c ${n * MiB} /dev/zero > ${path}`

/** A stopped container whose writable layer holds `n` MiB. */
export function stoppedContainerWith(docker: Dockerode, n: number): Promise<Dockerode.Container> {
  return runToExit(docker, fill('/big.bin', n))
}

/** A labelled volume holding `n` MiB, used by no container. */
export async function volumeWith(docker: Dockerode, n: number): Promise<string> {
  const name = uniqueName('dfvol')
  await docker.createVolume({ Name: name, Labels: labels })
  const writer = await runToExit(docker, fill('/data/big.bin', n), [`${name}:/data`])
  await writer.remove()
  return name
}

/** An image one layer of `n` MiB above the test image, labelled; tagged `repo:tag`, or dangling without a tag. */
export async function imageWith(docker: Dockerode, n: number, repo: string, tag?: string): Promise<string> {
  const c = await runToExit(docker, fill('/layer.bin', n))
  const { Id } = (await c.commit({ ...(tag ? { repo, tag } : {}), changes: [`LABEL wharf.test=${runId}`] })) as { Id: string }
  await c.remove()
  return Id.startsWith('sha256:') ? Id : `sha256:${Id}`
}

/** Removes the run's images (committed ones carry its label). */
export async function removeLabelledImages(docker: Dockerode): Promise<void> {
  const images = await docker.listImages({ all: true, filters: { label: [`wharf.test=${runId}`] } })
  for (const i of images)
    await docker
      .getImage(i.Id)
      .remove({ force: true })
      .catch(() => undefined)
}
