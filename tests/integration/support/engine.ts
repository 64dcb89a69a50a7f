import Dockerode from 'dockerode'
import { removeLabelled } from '../../support/labelled'
import { randomBytes } from 'node:crypto'
import { optionsForEndpoint } from '../../../src/main/engine/endpoint'

export const TEST_IMAGE = 'wharf-test/busybox:latest'

/** A label value unique to this test file's run; everything created carries it. */
export const runId = `it-${randomBytes(4).toString('hex')}`
export const testLabels = { 'wharf.test': runId }

export function dockerHost(): string {
  const host = process.env.DOCKER_HOST
  if (!host) throw new Error('DOCKER_HOST is not set')
  return host
}

export function testDocker(): Dockerode {
  return new Dockerode(optionsForEndpoint(dockerHost()))
}

export function uniqueName(prefix: string): string {
  return `wharf-${prefix}-${randomBytes(3).toString('hex')}`
}

export async function createTestContainer(
  docker: Dockerode,
  options: {
    name?: string
    cmd?: string[]
    start?: boolean
    labels?: Record<string, string>
    ports?: Record<string, { HostPort: string }[]>
    /** `-it`: a TTY and an open stdin, as `docker run -it` gives. */
    tty?: boolean
  } = {},
): Promise<Dockerode.Container> {
  const exposed = Object.fromEntries(Object.keys(options.ports ?? {}).map((p) => [p, {}]))
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: options.name ?? uniqueName('c'),
    Cmd: options.cmd ?? ['sleep', '3600'],
    Labels: { ...testLabels, ...options.labels },
    ExposedPorts: exposed,
    HostConfig: { PortBindings: options.ports ?? {} },
    StopTimeout: 1,
    ...(options.tty ? { Tty: true, OpenStdin: true, AttachStdin: true, AttachStdout: true, AttachStderr: true } : {}),
  })
  if (options.start) await container.start()
  return container
}

/** Removes everything this run labelled, whatever state it is in. */
export function cleanup(docker: Dockerode): Promise<void> {
  return removeLabelled(docker, runId)
}

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
