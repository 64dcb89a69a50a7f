/**
 * `npm run bench`: performance targets of DESIGN.md §4 on a private dockerd, each next
 * to a baseline measured in the same run. Prints the figures and records them in
 * docs/benchmarks.md (the section between the BENCH markers is replaced).
 */
import Dockerode from 'dockerode'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startDockerd } from '../scripts/lib/dockerd.mjs'
import { benchList, ensureContainers } from './p1-list'
import { benchRenderer } from './renderer'
import { machine, removeBenchContainers } from './support'

const COUNT = 1000

async function main(): Promise<void> {
  const { socket, dockerHost } = await startDockerd()
  const docker = new Dockerode({ socketPath: socket })
  const version = (await docker.version()).Version
  console.log(`creating ${COUNT} containers (labelled wharf.bench)…`)
  await ensureContainers(docker, COUNT)
  try {
    const p1 = await benchList(socket)
    console.log(
      `P1 list ${p1.containers}: raw ${p1.rawMs.toFixed(1)} ms, Wharf ${p1.wharfMs.toFixed(1)} ms, ratio ${p1.ratio.toFixed(2)} (target ≤ 1.20)`,
    )
    const r = await benchRenderer(dockerHost)
    console.log(`P1 renderer: Refresh, list received → ${p1.containers} rows painted ${r.refreshShownMs.toFixed(1)} ms (target ≤ 100)`)
    console.log(`   first load: list received → painted ${r.listShownMs.toFixed(1)} ms (includes the app's first paint)`)
    console.log(
      `P6 process start → first row shown ${r.startToFirstRowMs.toFixed(0)} ms (target ≤ 1500); address printed after ${r.urlMs.toFixed(0)} ms`,
    )
    record(
      [
        `Run on ${new Date().toISOString().slice(0, 10)}: ${machine(version)}.`,
        '',
        '| target | measured | baseline (same run) | figure | goal |',
        '| --- | --- | --- | --- | --- |',
        `| P1 list ${p1.containers} containers via the WebSocket API | ${p1.wharfMs.toFixed(1)} ms (median of 30) | raw \`GET /containers/json?all=1\` over the socket: ${p1.rawMs.toFixed(1)} ms | ${p1.ratio.toFixed(2)}× | ≤ 1.2× |`,
        `| P1 renderer: Refresh, list received → ${p1.containers} rows painted (two frames later) | ${r.refreshShownMs.toFixed(1)} ms (median of 5) | — | ${r.refreshShownMs.toFixed(1)} ms (${r.rowsInDom} rows in the DOM, virtualized) | ≤ 100 ms |`,
        `| P1 renderer, first load: list received → first paint of the whole app | ${r.listShownMs.toFixed(1)} ms | — | includes the app's own first style and layout pass | (info) |`,
        `| P6 browser mode: process start → first row visible | ${r.startToFirstRowMs.toFixed(0)} ms (address printed after ${r.urlMs.toFixed(0)} ms) | — | ${r.startToFirstRowMs.toFixed(0)} ms | ≤ 1500 ms |`,
      ].join('\n'),
    )
  } finally {
    await removeBenchContainers(docker)
  }
}

function record(section: string): void {
  const file = join(__dirname, '../docs/benchmarks.md')
  const text = readFileSync(file, 'utf8')
  const begin = '<!-- BENCH:BEGIN -->'
  const end = '<!-- BENCH:END -->'
  const next = text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), `${begin}\n${section}\n${end}`)
  writeFileSync(file, next)
  console.log('recorded in docs/benchmarks.md')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
