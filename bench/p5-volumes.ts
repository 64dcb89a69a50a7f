/**
 * P5, the volume browser: listing a folder of 10,000 entries through Wharf's API, and
 * downloading a 1 GiB file from a volume through Wharf's download as a ratio of
 * `docker cp`'s throughput in the same run, with the growth of the Wharf server's peak
 * resident memory (VmHWM) while it streams.
 */
import type Dockerode from 'dockerode'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { get } from 'node:http'
import { startServer, type RunningServer } from './browserServer'
import { call, peakRssMb, sessionCookie } from './images'
import { median } from './support'

const ENTRIES = 10_000
const FILE_MB = 1024

export interface P5Result {
  entries: number
  firstListMs: number
  listMs: number
  fileMb: number
  cpMs: number
  wharfMs: number
  ratio: number
  peakGrowthMb: number
  /** The same download through the archive API (host folder not used). */
  archiveMs: number
  archiveRatio: number
  archivePeakGrowthMb: number
}

/** Three downloads of big.bin through a server's browser-mode download; median time and peak memory growth. */
async function downloads(server: RunningServer, volume: string): Promise<{ ms: number; peakGrowthMb: number }> {
  const origin = new URL(server.url).origin
  const cookie = await sessionCookie(server.url)
  const before = peakRssMb(server.pid)
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    // As the page does it: a ticket through the API (counted), then the stream.
    const { ticket } = await call<{ ticket: string }>(server.url, 'transfers.download', {
      kind: 'files',
      target: { kind: 'volume', name: volume },
      path: 'big.bin',
    })
    // node:http, not fetch: undici's web streams cost the client more than the server spends.
    const received = await new Promise<number>((resolve, reject) => {
      get(`${origin}/download/${ticket}`, { headers: { cookie }, agent: false }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`P5 download failed: HTTP ${res.statusCode}`))
        let n = 0
        res.on('data', (chunk: Buffer) => (n += chunk.length))
        res.on('end', () => resolve(n))
        res.on('error', reject)
      }).on('error', reject)
    })
    times.push(performance.now() - started)
    if (received !== FILE_MB * 1024 * 1024) throw new Error(`P5 download was short: ${received} bytes`)
  }
  return { ms: median(times), peakGrowthMb: peakRssMb(server.pid) - before }
}

export async function benchVolumes(docker: Dockerode, dockerHost: string): Promise<P5Result> {
  const volume = `wharf-bench-p5-${Date.now().toString(36)}`
  await docker.createVolume({ Name: volume, Labels: { 'wharf.bench': '1' } })
  const out = mkdtempSync(join(tmpdir(), 'wharf-bench-p5-'))
  const holder = await docker.createContainer({
    Image: 'wharf-test/busybox:latest',
    Cmd: [
      'sh',
      '-c',
      `mkdir /v/many && cd /v/many && i=0; while [ $i -lt ${ENTRIES} ]; do : > "entry-$i.txt"; i=$((i+1)); done; dd if=/dev/urandom of=/v/big.bin bs=1M count=${FILE_MB} 2>/dev/null`,
    ],
    Labels: { 'wharf.bench': '1' },
    HostConfig: { Binds: [`${volume}:/v`] },
  })
  console.log(`P5: writing ${ENTRIES} entries and a ${FILE_MB} MB file into a volume…`)
  await holder.start()
  await holder.wait()
  const server = await startServer(dockerHost)
  const env = { ...process.env, DOCKER_HOST: dockerHost }
  try {
    const target = { kind: 'volume', name: volume }
    let started = performance.now()
    const first = await call<{ entries: unknown[] }>(server.url, 'files.list', { target, path: 'many' })
    const firstListMs = performance.now() - started
    if (first.entries.length !== ENTRIES) throw new Error(`P5 listed ${first.entries.length} entries, expected ${ENTRIES}`)
    const lists: number[] = []
    for (let i = 0; i < 5; i++) {
      started = performance.now()
      await call(server.url, 'files.list', { target, path: 'many' })
      lists.push(performance.now() - started)
    }

    // The same download from a second server that may not read the volume's folder from
    // disk: the archive API path, which is what a user without access to it gets.
    const archiveServer = await startServer(dockerHost, { WHARF_NO_HOST_PATHS: '1' })
    try {
      await call(archiveServer.url, 'files.list', { target, path: 'many' })
      const cp: number[] = []
      const direct = await downloads(server, volume)
      const archive = await downloads(archiveServer, volume)
      for (let i = 0; i < 3; i++) {
        started = performance.now()
        // Both sides discard what they receive: writing 1 GiB to disk each time makes the
        // figure one of the disk's writeback, not of the copy.
        execFileSync('sh', ['-c', `docker cp ${holder.id}:/v/big.bin - > /dev/null`], { env })
        cp.push(performance.now() - started)
      }
      const cpMs = median(cp)
      return {
        entries: ENTRIES,
        firstListMs,
        listMs: median(lists),
        fileMb: FILE_MB,
        cpMs,
        wharfMs: direct.ms,
        ratio: cpMs / direct.ms,
        peakGrowthMb: direct.peakGrowthMb,
        archiveMs: archive.ms,
        archiveRatio: cpMs / archive.ms,
        archivePeakGrowthMb: archive.peakGrowthMb,
      }
    } finally {
      archiveServer.stop()
    }
  } finally {
    server.stop()
    rmSync(out, { recursive: true, force: true })
    await holder.remove({ force: true }).catch(() => undefined)
    // The server's helper goes when it stops; wait for it before removing the volume.
    for (let i = 0; i < 50; i++) {
      const ok = await docker
        .getVolume(volume)
        .remove()
        .then(() => true)
        .catch(() => false)
      if (ok) break
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}
