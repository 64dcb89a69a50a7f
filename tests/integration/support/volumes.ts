import type Dockerode from 'dockerode'
import type { Readable } from 'node:stream'
import { runId, TEST_IMAGE } from './engine'

/** A volume a busybox container filled: nested folders, links in and out, odd names, an empty file. */
export async function volumeFixture(docker: Dockerode, name: string): Promise<void> {
  await docker.createVolume({ Name: name, Labels: { 'wharf.test': runId } })
  const script = [
    'cd /data',
    'mkdir -p nested/deeper',
    'printf "hello\\n" > hello.txt',
    ': > empty.txt',
    'echo leaf > nested/deeper/leaf.txt',
    'echo odd > "sp ace é.txt"',
    'ln -s / escape',
    'ln -s nested inside',
  ].join(' && ')
  const writer = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', script],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${name}:/data`] },
  })
  await writer.start()
  const { StatusCode } = (await writer.wait()) as { StatusCode: number }
  await writer.remove()
  if (StatusCode !== 0) throw new Error(`The fixture writer exited ${StatusCode}`)
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
