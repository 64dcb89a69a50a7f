// `npm run engines -- start|stop`: the private test engines and registries, for running
// single test files by hand. `start` prints the environment to export.
import { ensurePrerequisites } from './lib/prereqs.mjs'
import { join } from 'node:path'
import { engineDir, startDockerd, stopDockerd } from './lib/dockerd.mjs'
import { stopSshd, stopTlsEngine } from './lib/remoteEngines.mjs'
import { startSwarmEngines, stopSwarmEngines } from './lib/swarmEngines.mjs'
import { registryEnv, startRegistries, stopRegistries } from './lib/registry.mjs'
import { startPodman, stopPodman } from './lib/podman.mjs'

const command = process.argv[2] ?? 'start'
if (command === 'start') {
  ensurePrerequisites()
  const { dockerHost } = await startDockerd((m) => console.error(m))
  await startRegistries((m) => console.error(m))
  const podman = await startPodman((m) => console.error(m))
  const swarm = await startSwarmEngines((m) => console.error(m))
  console.log(`export DOCKER_HOST=${dockerHost}`)
  console.log(`export WHARF_CONFIG_DIR=${join(engineDir(), 'config')}`)
  for (const [key, value] of Object.entries({ ...registryEnv(), ...podman, ...swarm })) console.log(`export ${key}=${value}`)
} else if (command === 'stop') {
  stopRegistries()
  await stopSshd()
  await stopTlsEngine()
  await stopSwarmEngines()
  await stopPodman()
  await stopDockerd()
} else {
  console.error('usage: npm run engines -- start|stop')
  process.exit(2)
}
