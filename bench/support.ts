import type Dockerode from 'dockerode'
import { execFileSync } from 'node:child_process'
import { cpus, release } from 'node:os'
import { Agent, request } from 'node:http'

export const BENCH_LABEL = 'wharf.bench'

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

/** Keep-alive, so the baseline pays no connection set-up that Wharf's client avoids. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/** GET over the engine's unix socket, body parsed as JSON: the raw baseline. */
export function rawGetJson(socketPath: string, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request({ socketPath, path, method: 'GET', agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

export async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn))
}

export async function removeBenchContainers(docker: Dockerode): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [BENCH_LABEL] } })
  await inBatches(list, 16, (c) =>
    docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined),
  )
}

export function machine(dockerVersion: string): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  let os = `Linux ${release()}`
  try {
    os = execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim()
  } catch {
    // keep the kernel release
  }
  return `${cpus().length} × ${cpu}, ${os}, Node ${process.version}, dockerd ${dockerVersion}`
}
