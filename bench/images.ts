/**
 * Images (issue 5): the layer explorer on an image of about 500 MB — time, and the growth
 * of the Wharf server's peak resident memory (VmHWM) while it reads the image — and
 * `docker save` and `docker pull` through Wharf as a ratio of the docker CLI's own time
 * in the same run (pull from the local test registry).
 */
import type Dockerode from 'dockerode'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { get } from 'node:http'
import WebSocket from 'ws'
import { registryEnv, startRegistries } from '../scripts/lib/registry.mjs'
import { isMethodName, methodScope } from '../src/shared/contract'
import { startServer } from './browserServer'
import { median } from './support'

const LAYERS = 5
const LAYER_MB = 100

export interface ImagesResult {
  imageMb: number
  files: number
  explorerMs: number
  explorerPeakGrowthMb: number
  saveCliMs: number
  saveWharfMs: number
  pullCliMs: number
  pullWharfMs: number
}

export function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)
  return line ? Number(line[1]) / 1024 : 0
}

/**
 * The session cookie the token URL hands out. A fresh connection each time: fetch's
 * pooled keep-alive socket, idle through a long CLI pull, can be closed by the server
 * just as it is reused ("other side closed").
 */
export function sessionCookie(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume()
      const header = res.headers['set-cookie']?.[0] ?? ''
      resolve(header.split(';')[0])
    }).on('error', reject)
  })
}

/** One call over Wharf's own WebSocket API, as the page makes it: engine calls on `engine`, the app's own on none. */
export async function call<T>(url: string, method: string, input: unknown, engine = 'local'): Promise<T> {
  const scoped = !isMethodName(method) || methodScope(method) === 'engine'
  const origin = new URL(url).origin
  const cookie = await sessionCookie(url)
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, { headers: { cookie, origin } })
  await new Promise((r) => ws.once('open', r))
  try {
    return await new Promise<T>((resolve, reject) => {
      ws.on('message', (raw: Buffer, binary) => {
        if (binary) return
        const m = JSON.parse(raw.toString()) as { t: string; id: number; ok: boolean; result: T; error: { message: string } }
        if (m.t !== 'result' || m.id !== 1) return
        if (m.ok) resolve(m.result)
        else reject(new Error(m.error.message))
      })
      ws.send(JSON.stringify({ t: 'call', id: 1, method, input, ...(scoped ? { engine } : {}) }))
    })
  } finally {
    ws.close()
  }
}

function timed(fn: () => void): number {
  const started = performance.now()
  fn()
  return performance.now() - started
}

export async function benchImages(docker: Dockerode, dockerHost: string): Promise<ImagesResult> {
  await startRegistries(() => undefined)
  const registry = registryEnv().WHARF_TEST_REGISTRY
  const tag = `wharf-bench/layers:${Date.now().toString(36)}`
  const remote = `${registry}/${tag}`
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench-image-'))
  const steps = Array.from(
    { length: LAYERS },
    (_, i) =>
      `RUN mkdir -p /data/${i} && for f in $(seq 1 100); do head -c ${(LAYER_MB * 1024 * 1024) / 100} /dev/urandom > /data/${i}/$f.bin; done`,
  )
  writeFileSync(join(dir, 'Dockerfile'), ['FROM wharf-test/busybox:latest', ...steps].join('\n'))
  const env = { ...process.env, DOCKER_HOST: dockerHost }
  console.log(`building a ${LAYERS * LAYER_MB} MB image…`)
  execFileSync('docker', ['build', '-q', '-t', tag, dir], { env, stdio: 'ignore' })
  const server = await startServer(dockerHost)
  const out = mkdtempSync(join(tmpdir(), 'wharf-bench-save-'))
  try {
    // The API stack loads on the first connection; warm it up so only the analysis is measured.
    await call(server.url, 'images.list', {})
    const before = peakRssMb(server.pid)
    let started = performance.now()
    const explored = await call<{ files: unknown[]; totalBytes: number }>(server.url, 'images.layers', { id: tag })
    const explorerMs = performance.now() - started
    const explorerPeakGrowthMb = peakRssMb(server.pid) - before

    const saveCli: number[] = []
    const saveWharf: number[] = []
    const origin = new URL(server.url).origin
    const cookie = await sessionCookie(server.url)
    for (let i = 0; i < 3; i++) {
      saveCli.push(timed(() => execFileSync('docker', ['save', '-o', join(out, 'cli.tar'), tag], { env })))
      started = performance.now()
      // As the page does it: a ticket through the API (counted), then the stream.
      const { ticket } = await call<{ ticket: string }>(server.url, 'transfers.download', { kind: 'images', names: [tag] })
      // node:http on a fresh connection: a kept-alive one can meet the server's idle
      // timeout while the CLI's save runs, and undici then fails the request.
      await new Promise<void>((resolve, reject) => {
        get(`${origin}/download/${ticket}`, { headers: { cookie }, agent: false }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`save failed: HTTP ${res.statusCode}`))
          res.resume()
          res.on('end', resolve)
          res.on('error', reject)
        }).on('error', reject)
      })
      saveWharf.push(performance.now() - started)
    }

    execFileSync('docker', ['tag', tag, remote], { env })
    execFileSync('docker', ['push', remote], { env, stdio: 'ignore' })
    const pullCli: number[] = []
    const pullWharf: number[] = []
    for (let i = 0; i < 3; i++) {
      execFileSync('docker', ['rmi', remote], { env, stdio: 'ignore' })
      execFileSync('docker', ['rmi', tag], { env, stdio: 'ignore' })
      pullCli.push(timed(() => execFileSync('docker', ['pull', '-q', remote], { env, stdio: 'ignore' })))
      execFileSync('docker', ['rmi', remote], { env, stdio: 'ignore' })
      started = performance.now()
      const task = await call<{ id: number }>(server.url, 'images.pull', { reference: remote })
      for (;;) {
        const tasks = await call<Array<{ id: number; state: string; message?: string }>>(server.url, 'tasks.list', {})
        const mine = tasks.find((t) => t.id === task.id)
        if (mine && mine.state !== 'running') {
          if (mine.state !== 'done') throw new Error(`the bench pull failed: ${mine.message ?? mine.state}`)
          break
        }
        await new Promise((r) => setTimeout(r, 20))
      }
      pullWharf.push(performance.now() - started)
      execFileSync('docker', ['tag', remote, tag], { env })
    }
    return {
      imageMb: explored.totalBytes / 1024 / 1024,
      files: explored.files.length,
      explorerMs,
      explorerPeakGrowthMb,
      saveCliMs: median(saveCli),
      saveWharfMs: median(saveWharf),
      pullCliMs: median(pullCli),
      pullWharfMs: median(pullWharf),
    }
  } finally {
    server.stop()
    rmSync(out, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
    for (const ref of [tag, remote])
      await docker
        .getImage(ref)
        .remove({ force: true })
        .catch(() => undefined)
  }
}
