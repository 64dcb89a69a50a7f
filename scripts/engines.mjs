// `npm run engines -- start|stop`: the private test engines, for running single test
// files by hand. `start` prints the DOCKER_HOST to export.
import { ensurePrerequisites } from './lib/prereqs.mjs'
import { startDockerd, stopDockerd } from './lib/dockerd.mjs'

const command = process.argv[2] ?? 'start'
if (command === 'start') {
  ensurePrerequisites()
  const { dockerHost } = await startDockerd((m) => console.error(m))
  console.log(`export DOCKER_HOST=${dockerHost}`)
} else if (command === 'stop') {
  await stopDockerd()
} else {
  console.error('usage: npm run engines -- start|stop')
  process.exit(2)
}
