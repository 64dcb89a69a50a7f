// Private dockerds for the Swarm tests (E6): a manager and a worker, each in a network
// namespace of its own so that swarm mode (its ingress and gwbridge networks, its
// iptables rules, its docker0) never meets the shared test engine's. Swarm must never be
// initialised on the shared test engine: other tests use it at the same time.
//
//   host  wswarm-h1 10.77.0.1/24 ── 10.77.0.2/24 wswarm-host   (netns wharfswarm1, manager)
//                                    10.77.1.1/24 wswarm-peer ── 10.77.1.2/24 wswarm-peer (netns wharfswarm2, worker)
//
// The two nodes talk over a veth pair of their own, not through a bridge on the host: the
// host's FORWARD chain (docker's, policy DROP, with br_netfilter on) would drop bridged or
// routed traffic between them, and changing it would touch the shared engine's rules. The
// host reaches each dockerd through its unix socket (the filesystem is shared) and the
// manager also at 10.77.0.2. Everything a dockerd writes is under /tmp/wharf-swarm-<n>.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, ensureTestImage, TEST_IMAGE } from './dockerd.mjs'

/** The manager's address on the link between the nodes: what it advertises and the worker joins. */
export const MANAGER_ADDR = '10.77.1.1'
export const WORKER_ADDR = '10.77.1.2'
/** The manager's address seen from the host. */
export const MANAGER_HOST_ADDR = '10.77.0.2'

/**
 * Two versions of an app for rolling updates and rollbacks, built FROM the test image on
 * every node (swarm pulls nothing here: each node must hold the image itself). Each says
 * which it is and ends at once on SIGTERM, so replacing a task takes no stop timeout.
 */
export const SWARM_APP_IMAGES = ['wharf-swarm/app:v1', 'wharf-swarm/app:v2']

export const SWARM_NODES = [
  { name: 'manager', hostname: 'wharf-swarm-1', netns: 'wharfswarm1', dir: join(tmpdir(), 'wharf-swarm-1') },
  { name: 'worker', hostname: 'wharf-swarm-2', netns: 'wharfswarm2', dir: join(tmpdir(), 'wharf-swarm-2') },
]

function run(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`)
  return r.stdout
}

const inNs = (netns, ...args) => run('ip', ['netns', 'exec', netns, 'ip', ...args])
const netnsExists = (netns) =>
  spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .stdout.split('\n')
    .some((l) => l.split(' ')[0] === netns)

/**
 * The host's end of the veth first (its peer goes with it), then the namespaces: deleting
 * a namespace takes its veth ends down with it, but the kernel does so a moment later.
 */
function removeNetwork() {
  if (spawnSync('ip', ['link', 'show', 'wswarm-h1'], { stdio: 'ignore' }).status === 0) run('ip', ['link', 'delete', 'wswarm-h1'])
  for (const node of SWARM_NODES) if (netnsExists(node.netns)) run('ip', ['netns', 'delete', node.netns])
}

/** The namespaces and their links; idempotent (existing namespaces are kept as they are). */
function ensureNetwork() {
  const [manager, worker] = SWARM_NODES
  if (netnsExists(manager.netns) && netnsExists(worker.netns)) return
  // Half made (an earlier start failed midway): start over.
  removeNetwork()
  for (const node of SWARM_NODES) {
    run('ip', ['netns', 'add', node.netns])
    inNs(node.netns, 'link', 'set', 'lo', 'up')
  }
  run('ip', ['link', 'add', 'wswarm-h1', 'type', 'veth', 'peer', 'name', 'wswarm-host', 'netns', manager.netns])
  run('ip', ['addr', 'add', '10.77.0.1/24', 'dev', 'wswarm-h1'])
  run('ip', ['link', 'set', 'wswarm-h1', 'up'])
  inNs(manager.netns, 'addr', 'add', `${MANAGER_HOST_ADDR}/24`, 'dev', 'wswarm-host')
  inNs(manager.netns, 'link', 'set', 'wswarm-host', 'up')
  run('ip', [
    'netns',
    'exec',
    manager.netns,
    'ip',
    'link',
    'add',
    'wswarm-peer',
    'type',
    'veth',
    'peer',
    'name',
    'wswarm-peer',
    'netns',
    worker.netns,
  ])
  inNs(manager.netns, 'addr', 'add', `${MANAGER_ADDR}/24`, 'dev', 'wswarm-peer')
  inNs(manager.netns, 'link', 'set', 'wswarm-peer', 'up')
  inNs(worker.netns, 'addr', 'add', `${WORKER_ADDR}/24`, 'dev', 'wswarm-peer')
  inNs(worker.netns, 'link', 'set', 'wswarm-peer', 'up')
}

export function swarmSocket(node) {
  return join(node.dir, 'docker.sock')
}

function pidOf(file) {
  if (!existsSync(file)) return false
  const pid = Number(readFileSync(file, 'utf8').trim())
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return false
  }
}

async function ping(socket) {
  try {
    return (await api(socket, 'GET', '/_ping')).status === 200
  } catch {
    return false
  }
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')
  } catch {
    return ''
  }
}

async function startNode(node, log) {
  const socket = swarmSocket(node)
  const pidFile = join(node.dir, 'docker.pid')
  mkdirSync(node.dir, { recursive: true })
  if (pidOf(pidFile) && (await ping(socket))) return
  const logFile = join(node.dir, 'dockerd.log')
  const out = openSync(logFile, 'a')
  // Inside its namespace the daemon has its own docker0 and iptables; nothing it does reaches the host's.
  // nsenter, not `ip netns exec`: that remounts /sys in a mount namespace of its own,
  // which hides the cgroup hierarchy dockerd needs ("Devices cgroup isn't mounted").
  // A UTS namespace too, so each node has a hostname of its own in the node list.
  const args = [
    `--net=/run/netns/${node.netns}`,
    'unshare',
    '--uts',
    'sh',
    '-c',
    `hostname ${node.hostname} && exec dockerd "$@"`,
    'dockerd',
  ]
  args.push('--host', `unix://${socket}`, '--data-root', join(node.dir, 'data'), '--exec-root', join(node.dir, 'exec'))
  args.push('--pidfile', pidFile, '--storage-driver', 'overlay2')
  const child = spawn('nsenter', args, { detached: true, stdio: ['ignore', out, out] })
  child.unref()
  for (const deadline = Date.now() + 60_000; !(await ping(socket));) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the swarm test dockerd (${node.name}, netns ${node.netns}) did not start; see ${logFile}:\n${tail(logFile)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  log(`wharf: swarm test dockerd (${node.name}) ready at ${socket}`)
}

/**
 * Starts (or reuses) the manager's and the worker's dockerd, each with the busybox test
 * image. Neither is put in a swarm here: the tests init, join and leave themselves.
 */
export async function startSwarmEngines(log = console.log) {
  ensureNetwork()
  for (const node of SWARM_NODES) await startNode(node, log)
  for (const node of SWARM_NODES) {
    await ensureTestImage(swarmSocket(node), log)
    await ensureAppImages(swarmSocket(node))
  }
  const [manager, worker] = SWARM_NODES
  return {
    WHARF_TEST_SWARM_MANAGER: `unix://${swarmSocket(manager)}`,
    WHARF_TEST_SWARM_WORKER: `unix://${swarmSocket(worker)}`,
    WHARF_TEST_SWARM_MANAGER_ADDR: MANAGER_ADDR,
  }
}

async function ensureAppImages(socket) {
  for (const image of SWARM_APP_IMAGES) {
    if ((await api(socket, 'GET', `/images/${encodeURIComponent(image)}/json`)).status === 200) continue
    const version = image.split(':')[1]
    const dir = mkdtempSync(join(tmpdir(), 'wharf-swarm-build-'))
    try {
      const loop = `trap 'exit 0' TERM; echo app ${version} up on $(hostname); while :; do sleep 1; done`
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM ${TEST_IMAGE}\nLABEL wharf.swarm.app=${version}\nCMD ${JSON.stringify(['sh', '-c', loop])}\n`,
      )
      const tar = spawnSync('tar', ['-C', dir, '-c', 'Dockerfile'])
      if (tar.status !== 0) throw new Error('tar of the app Dockerfile failed')
      const res = await api(socket, 'POST', `/build?t=${encodeURIComponent(image)}&rm=1`, tar.stdout)
      if (res.status !== 200 || res.body.includes('"error"')) throw new Error(`building ${image} failed: ${res.body}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Stops both dockerds and removes their namespaces; their folders stay for the logs. */
export async function stopSwarmEngines(log = console.log) {
  for (const node of SWARM_NODES) {
    const pidFile = join(node.dir, 'docker.pid')
    const pid = pidOf(pidFile)
    if (pid) {
      process.kill(pid, 'SIGTERM')
      for (const deadline = Date.now() + 20_000; pidOf(pidFile) && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100))
      if (pidOf(pidFile)) process.kill(pid, 'SIGKILL')
      log(`wharf: swarm test dockerd (${node.name}) stopped`)
    }
  }
  removeNetwork()
}

/** Everything the swarm engines left on disk (data roots hold swarm state and images). */
export function removeSwarmEngineFiles() {
  for (const node of SWARM_NODES) rmSync(node.dir, { recursive: true, force: true })
}
