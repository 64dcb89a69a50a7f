/**
 * P10 (swarm half): the Swarm services list (running/desired per service) of a swarm
 * with 200 services and 1,000 tasks, through Wharf's API (router → `swarm.services`:
 * one GET /services and one GET /tasks, joined), against the raw GET /services and
 * GET /tasks over the socket at once (two keep-alive connections, bodies parsed) in the
 * same run. Median of rounds, after a warm-up. Runs on the private swarm test manager
 * (scripts/lib/swarmEngines.mjs), never the shared engine: each service has 5 replicas
 * of a busybox `sleep` placed by a constraint no node meets, so the swarm holds 1,000
 * pending tasks and starts no container — the two-core test machine could not run
 * 1,000 — and both sides read the same objects. Everything is removed at the end.
 */
import Dockerode from 'dockerode'
import { Agent, request } from 'node:http'
import { MANAGER_ADDR, startSwarmEngines, stopSwarmEngines } from '../scripts/lib/swarmEngines.mjs'
import { createApi } from '../src/main/api/router'
import { createAppServices, STARTUP_ENGINE } from '../src/main/appServices'
import type { SwarmService } from '../src/shared/swarm/types'
import { inBatches, median } from './support'

const SERVICES = 200
const REPLICAS = 5
const ROUNDS = 15

export interface P10SwarmResult {
  services: number
  tasks: number
  rawMs: number
  wharfMs: number
  /** Wharf's time over raw (target ≤ 1.2). */
  ratio: number
}

const agent = new Agent({ keepAlive: true, maxSockets: 2 })

function getJson(socketPath: string, path: string): Promise<unknown> {
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

async function leave(docker: Dockerode): Promise<void> {
  await docker.swarmLeave({ force: true }).catch((err: { statusCode?: number }) => {
    if (err.statusCode !== 503) throw err
  })
}

export async function benchSwarmList(log: (line: string) => void = console.log): Promise<P10SwarmResult> {
  const probe = new Dockerode({ socketPath: '/tmp/wharf-swarm-1/docker.sock' })
  const wasRunning = await probe.ping().then(
    () => true,
    () => false,
  )
  const env = await startSwarmEngines(() => undefined)
  const socketPath = env.WHARF_TEST_SWARM_MANAGER.slice('unix://'.length)
  const docker = new Dockerode({ socketPath })
  await leave(new Dockerode({ socketPath: env.WHARF_TEST_SWARM_WORKER.slice('unix://'.length) }))
  await leave(docker)
  await docker.swarmInit({ ListenAddr: '0.0.0.0:2377', AdvertiseAddr: MANAGER_ADDR })
  const app = createAppServices({ explicit: env.WHARF_TEST_SWARM_MANAGER })
  try {
    log(`creating ${SERVICES} swarm services × ${REPLICAS} replicas (pending: placed nowhere)…`)
    const names = Array.from({ length: SERVICES }, (_, i) => `p10-svc-${String(i + 1).padStart(3, '0')}`)
    await inBatches(names, 10, (Name) =>
      docker.createService({
        Name,
        Labels: { 'wharf.bench': '1' },
        Mode: { Replicated: { Replicas: REPLICAS } },
        TaskTemplate: {
          ContainerSpec: { Image: 'wharf-test/busybox:latest', Args: ['sleep', '3600'] },
          Placement: { Constraints: ['node.labels.wharf-bench==nowhere'] },
        },
      }),
    )
    let tasks = 0
    for (const deadline = Date.now() + 120_000; tasks < SERVICES * REPLICAS;) {
      tasks = ((await getJson(socketPath, '/tasks')) as unknown[]).length
      if (Date.now() > deadline) throw new Error(`the swarm made ${tasks} of ${SERVICES * REPLICAS} tasks`)
      if (tasks < SERVICES * REPLICAS) await new Promise((r) => setTimeout(r, 500))
    }

    const engine = app.engines.require(STARTUP_ENGINE)
    for (let i = 0; engine.connection.getStatus().state !== 'connected'; i++) {
      if (i > 400) throw new Error('the swarm manager did not connect')
      await new Promise((r) => setTimeout(r, 25))
    }
    const api = createApi(app)
    const wharfList = async (): Promise<SwarmService[]> => {
      const envelope = await api.call('swarm.services', {}, STARTUP_ENGINE)
      if (!envelope.ok) throw new Error(envelope.error.message)
      return envelope.result as SwarmService[]
    }
    const rawList = () => Promise.all([getJson(socketPath, '/services'), getJson(socketPath, '/tasks')])
    // Warm-up, and a check that both sides see the whole swarm.
    const [services] = await Promise.all([wharfList(), rawList()])
    if (services.length !== SERVICES || services.some((s) => s.desired !== REPLICAS))
      throw new Error(`Wharf listed ${services.length} services`)
    const raw: number[] = []
    const wharf: number[] = []
    const time = async (work: () => Promise<unknown>, into: number[]): Promise<void> => {
      const started = performance.now()
      await work()
      into.push(performance.now() - started)
    }
    // Turn about, so neither side always goes first after the other's garbage.
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        await time(rawList, raw)
        await time(wharfList, wharf)
      } else {
        await time(wharfList, wharf)
        await time(rawList, raw)
      }
    }
    const rawMs = median(raw)
    const wharfMs = median(wharf)
    return { services: SERVICES, tasks, rawMs, wharfMs, ratio: wharfMs / rawMs }
  } finally {
    await app.dispose()
    // Leaving removes the swarm with its services and tasks.
    await leave(docker)
    agent.destroy()
    if (!wasRunning && !process.env.WHARF_KEEP_ENGINE) await stopSwarmEngines(() => undefined)
  }
}
