/**
 * P10 (compose half): a project of 4 services that each wrote 50,000 lines, its merged
 * log followed through Wharf's API (router → merged stream: four stamped container logs,
 * merged by time, batched) until all 200,000 lines arrived, against the raw per-container
 * follows (four `GET /containers/{id}/logs?follow=1` over the socket at once,
 * demultiplexed, lines counted) in the same run. Measured at the API's sink, as the
 * transport adds the same cost to both.
 */
import type Dockerode from 'dockerode'
import { request } from 'node:http'
import { createApi } from '../src/main/api/router'
import { createAppServices, STARTUP_ENGINE } from '../src/main/appServices'
import { median } from './support'

const SERVICES = 4
const LINES = 50_000
const ROUNDS = 3

export interface P10ComposeResult {
  services: number
  lines: number
  rawMs: number
  wharfMs: number
  ratio: number
}

/** Follows one log over the socket until `lines` newlines arrived. */
function rawFollow(socketPath: string, id: string, lines: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, path: `/containers/${id}/logs?stdout=1&stderr=1&follow=1&tail=all&timestamps=1`, method: 'GET' },
      (res) => {
        let pending: Buffer = Buffer.alloc(0)
        let seen = 0
        res.on('data', (chunk: Buffer) => {
          pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
          while (pending.length >= 8) {
            const size = pending.readUInt32BE(4)
            if (pending.length < 8 + size) break
            const payload = pending.subarray(8, 8 + size)
            for (let i = payload.indexOf(10); i !== -1; i = payload.indexOf(10, i + 1)) seen++
            pending = pending.subarray(8 + size)
          }
          if (seen >= lines) {
            resolve()
            req.destroy()
          }
        })
      },
    )
    req.on('error', (err) => (err.message.includes('socket hang up') ? undefined : reject(err)))
    req.end()
  })
}

export async function benchComposeLogs(docker: Dockerode, socketPath: string, dockerHost: string): Promise<P10ComposeResult> {
  const project = `wharf-p10-${Date.now().toString(36)}`
  const ids: string[] = []
  for (let s = 1; s <= SERVICES; s++) {
    const script = `awk 'BEGIN { for (i = 1; i <= ${LINES}; i++) print "svc${s} request " i " handled in 12ms path=/api/items status=200" }'; sleep 3600`
    const c = await docker.createContainer({
      Image: 'wharf-test/busybox:latest',
      name: `${project}-svc${s}-1`,
      Cmd: ['sh', '-c', script],
      Labels: { 'wharf.bench': '1', 'com.docker.compose.project': project, 'com.docker.compose.service': `svc${s}` },
    })
    await c.start()
    ids.push(c.id)
  }
  const app = createAppServices({ explicit: dockerHost })
  try {
    const engine = app.engines.require(STARTUP_ENGINE)
    for (let i = 0; engine.connection.getStatus().state !== 'connected'; i++) {
      if (i > 400) throw new Error('the engine did not connect')
      await new Promise((r) => setTimeout(r, 25))
    }
    const api = createApi(app)
    // Every container has written its whole log before either side reads it.
    await Promise.all(ids.map((id) => rawFollow(socketPath, id, LINES)))
    const raw: number[] = []
    const wharf: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now()
      await Promise.all(ids.map((id) => rawFollow(socketPath, id, LINES)))
      raw.push(performance.now() - started)

      started = performance.now()
      await new Promise<void>((resolve, reject) => {
        let seen = 0
        const close = api.subscribe(
          'compose.logs',
          { project, tail: 'all', follow: true },
          {
            emit: (batch) => {
              seen += (batch as { texts: string[] }).texts.length
              if (seen >= SERVICES * LINES) {
                close()
                resolve()
              }
            },
            end: (error) => reject(new Error(`the merged log ended after ${seen} lines${error ? `: ${error.message}` : ''}`)),
          },
          STARTUP_ENGINE,
        )
      })
      wharf.push(performance.now() - started)
    }
    const rawMs = median(raw)
    const wharfMs = median(wharf)
    return { services: SERVICES, lines: SERVICES * LINES, rawMs, wharfMs, ratio: rawMs / wharfMs }
  } finally {
    await app.dispose()
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    )
  }
}
