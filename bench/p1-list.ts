/**
 * P1: listing 1,000 containers through Wharf's API (WebSocket round trip, as the
 * browser-mode renderer does it) against the raw GET /containers/json over the socket,
 * both measured here, interleaved, on the same engine.
 */
import WebSocket from 'ws'
import type Dockerode from 'dockerode'
import { startBrowserMode } from '../src/main/browserMode'
import { BENCH_LABEL, inBatches, median, rawGetJson } from './support'

export interface P1Result {
  containers: number
  rawMs: number
  wharfMs: number
  ratio: number
}

export async function ensureContainers(docker: Dockerode, count: number): Promise<void> {
  const existing = await docker.listContainers({ all: true, filters: { label: [BENCH_LABEL] } })
  const missing = Array.from({ length: Math.max(0, count - existing.length) }, (_, i) => i)
  await inBatches(missing, 8, (i) =>
    docker.createContainer({
      Image: 'wharf-test/busybox:latest',
      name: `wharf-bench-${Date.now().toString(36)}-${i}`,
      Cmd: ['sleep', '3600'],
      Labels: { [BENCH_LABEL]: '1', 'com.docker.compose.project': `bench${i % 20}` },
    }),
  )
}

export async function benchList(socketPath: string, rounds = 30): Promise<P1Result> {
  const token = 'bench-token-000000'
  const app = await startBrowserMode({ port: 0, host: '127.0.0.1', token, engine: `unix://${socketPath}`, rendererRoot: __dirname })
  try {
    const auth = await fetch(`http://127.0.0.1:${app.port}/?token=${token}`, { redirect: 'manual' })
    const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0]
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/api`, { headers: { cookie, origin: `http://127.0.0.1:${app.port}` } })
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    let nextId = 1
    const call = (method: string): Promise<unknown[]> =>
      new Promise((resolve) => {
        const id = nextId++
        const onMessage = (raw: WebSocket.RawData): void => {
          const m = JSON.parse((raw as Buffer).toString('utf8')) as { id: number; result: unknown[] }
          if (m.id === id) {
            ws.off('message', onMessage)
            resolve(m.result)
          }
        }
        ws.on('message', onMessage)
        ws.send(JSON.stringify({ t: 'call', id, method, input: {}, engine: 'local' }))
      })
    // Warm both paths.
    for (let i = 0; i < 3; i++) {
      await rawGetJson(socketPath, '/containers/json?all=1')
      await call('containers.list')
    }
    const raw: number[] = []
    const wharf: number[] = []
    let containers = 0
    for (let i = 0; i < rounds; i++) {
      let t = performance.now()
      containers = ((await rawGetJson(socketPath, '/containers/json?all=1')) as unknown[]).length
      raw.push(performance.now() - t)
      t = performance.now()
      const list = await call('containers.list')
      wharf.push(performance.now() - t)
      if (list.length !== containers) throw new Error(`Wharf listed ${list.length}, the engine ${containers}`)
    }
    ws.close()
    const rawMs = median(raw)
    const wharfMs = median(wharf)
    return { containers, rawMs, wharfMs, ratio: wharfMs / rawMs }
  } finally {
    await app.close()
  }
}
