import Dockerode from 'dockerode'
import { removeLabelled } from '../../tests/support/labelled'
import { randomBytes } from 'node:crypto'
import { optionsForEndpoint } from '../../src/main/engine/endpoint'

export const TEST_IMAGE = 'wharf-test/busybox:latest'
export const runLabel = `e2e-${randomBytes(4).toString('hex')}`

export function testDocker(): Dockerode {
  return new Dockerode(optionsForEndpoint(process.env.DOCKER_HOST ?? ''))
}

export function uniqueName(prefix: string): string {
  return `e2e-${prefix}-${randomBytes(3).toString('hex')}`
}

export async function runContainer(
  docker: Dockerode,
  name: string,
  labels: Record<string, string> = {},
  start = true,
): Promise<Dockerode.Container> {
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['sleep', '3600'],
    Labels: { 'wharf.test': runLabel, ...labels },
    StopTimeout: 1,
  })
  if (start) await c.start()
  return c
}

export function cleanup(docker: Dockerode): Promise<void> {
  return removeLabelled(docker, runLabel)
}
