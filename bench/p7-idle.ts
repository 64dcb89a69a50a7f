/**
 * P7: what Wharf costs while nobody touches it. Browser mode as a user starts it, on
 * 100 running containers, in Chromium.
 * - Idle: the Containers pane open; the server's own CPU time over 60 s (utime + stime
 *   from /proc, so neither dockerd nor Chromium is counted) as a share of one core, and
 *   its resident memory at the end. Beside it, what dockerd itself spent meanwhile.
 * - Soak: the list, a followed log (a container printing a line a second), an idle exec
 *   terminal and a container's live stats, each in a tab of its own, for
 *   WHARF_BENCH_SOAK_S seconds (600 by default). Growth of the server's resident memory
 *   and of each page's JS heap (after a forced GC) from the end of warm-up to the end.
 */
import type Dockerode from 'dockerode'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { launchChromium, openApp, startServer } from './browserServer'
import { inBatches, median } from './support'

const CONTAINERS = 100
const IDLE_S = 60
const WARMUP_S = 60
const LABEL = { 'wharf.bench': 'p7' }
const IMAGE = 'wharf-test/busybox:latest'

export interface P7Result {
  containers: number
  idleSeconds: number
  /** The server's CPU over the idle minute, % of one core. */
  serverCpuPct: number
  /** dockerd's CPU over the same minute, % of one core (the engine's own cost of 100 containers and the watchers). */
  dockerdCpuPct: number
  serverRssMb: number
  soakSeconds: number
  rssStartMb: number
  rssEndMb: number
  /** Per tab: JS heap after GC at the end of warm-up and at the end of the soak. */
  heaps: Array<{ tab: string; startMb: number; endMb: number }>
}

const TICKS_PER_S = 100

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat, after the command's parentheses). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S
}

function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return line ? Number(line[1]) / 1024 : 0
}

/** The median of samples over ~3 s: resident memory moves with each GC. */
async function settledRss(pid: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 10; i++) {
    await sleep(300)
    samples.push(rssMb(pid))
  }
  return median(samples)
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function heapAfterGcMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / 1024 / 1024
}

function dockerdPid(): number {
  const file = process.env.WHARF_BENCH_DOCKERD_PIDFILE ?? '/tmp/wharf-test-engine/docker.pid'
  return Number(readFileSync(file, 'utf8').trim())
}

async function makeContainers(docker: Dockerode): Promise<{ logger: string; shell: string }> {
  const names = Array.from({ length: CONTAINERS }, (_, i) => `wharf-p7-${i}`)
  await inBatches(names, 10, async (name) => {
    const c = await docker.createContainer({ name, Image: IMAGE, Cmd: ['sleep', '86400'], Labels: LABEL })
    await c.start()
  })
  // One of them talks: the followed log gets a line a second, as a quiet service's would.
  const logger = await docker.createContainer({
    name: 'wharf-p7-logger',
    Image: IMAGE,
    Cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done'],
    Labels: LABEL,
  })
  await logger.start()
  return { logger: 'wharf-p7-logger', shell: names[0] }
}

export async function removeIdleContainers(docker: Dockerode): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: ['wharf.bench=p7'] } })
  await inBatches(list, 16, (c) =>
    docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined),
  )
}

export async function benchIdle(docker: Dockerode, dockerHost: string): Promise<P7Result> {
  const soakSeconds = Number(process.env.WHARF_BENCH_SOAK_S ?? 600)
  await removeIdleContainers(docker)
  const { logger, shell } = await makeContainers(docker)
  const server = await startServer(dockerHost)
  const browser = await launchChromium()
  try {
    const origin = new URL(server.url).origin
    // One context: the tabs share the session cookie the token URL gave the first.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const list = await context.newPage()
    await openApp(list, server.url)
    await list.getByRole('searchbox', { name: 'Search containers' }).waitFor()
    await list.locator('.list-table .tr').first().waitFor({ state: 'visible', timeout: 30_000 })
    // Settle (first lists, stats of the visible rows starting), then one quiet minute.
    await sleep(5000)
    const dockerd = dockerdPid()
    const cpu0 = cpuSeconds(server.pid)
    const engine0 = cpuSeconds(dockerd)
    await sleep(IDLE_S * 1000)
    const serverCpuPct = ((cpuSeconds(server.pid) - cpu0) / IDLE_S) * 100
    const dockerdCpuPct = ((cpuSeconds(dockerd) - engine0) / IDLE_S) * 100
    const serverRssMb = await settledRss(server.pid)

    // The soak: the other three tabs join the list, each in the same browser (one page each, as a user's tabs).
    const logs = await context.newPage()
    await logs.goto(`${origin}/#/e/local/containers/${logger}?tab=logs`)
    await logs
      .getByRole('status')
      .filter({ hasText: /Following/ })
      .waitFor({ timeout: 30_000 })
    const terminal = await context.newPage()
    await terminal.goto(`${origin}/#/e/local/containers/${shell}`)
    await terminal.getByRole('button', { name: 'Open terminal' }).click()
    await terminal.getByRole('complementary').getByRole('button', { name: 'Start terminal' }).click()
    await terminal.locator('.xterm-rows').first().waitFor({ timeout: 30_000 })
    const stats = await context.newPage()
    await stats.goto(`${origin}/#/e/local/containers/${shell}?tab=stats`)
    const tabs = { list, logs, terminal, stats }
    await sleep(WARMUP_S * 1000)
    const rssStartMb = await settledRss(server.pid)
    const start: Record<string, number> = {}
    for (const [name, page] of Object.entries(tabs)) start[name] = await heapAfterGcMb(page)
    await sleep(soakSeconds * 1000)
    const rssEndMb = await settledRss(server.pid)
    const heaps: P7Result['heaps'] = []
    for (const [name, page] of Object.entries(tabs)) heaps.push({ tab: name, startMb: start[name], endMb: await heapAfterGcMb(page) })
    return {
      containers: CONTAINERS + 1,
      idleSeconds: IDLE_S,
      serverCpuPct,
      dockerdCpuPct,
      serverRssMb,
      soakSeconds,
      rssStartMb,
      rssEndMb,
      heaps,
    }
  } finally {
    await browser.close()
    server.stop()
    await removeIdleContainers(docker)
  }
}
