/**
 * Browser mode: the whole app without Electron. Serves the built renderer and the API
 * over a WebSocket on 127.0.0.1, behind a token. `npm run serve -- --help` for options.
 */
import { startBrowserMode } from './browserMode'
import { isLoopback, parseServerArgs, usage, type ServerArgs } from './serverArgs'

async function main(): Promise<void> {
  let args: ServerArgs
  try {
    args = parseServerArgs(process.argv.slice(2))
  } catch (err) {
    console.error(`wharf: ${(err as Error).message}\n\n${usage}`)
    process.exit(2)
  }
  if (args.help) {
    console.log(usage)
    return
  }
  if (!isLoopback(args.host)) {
    console.warn(`wharf: WARNING: listening on ${args.host}, reachable from other machines; anyone with the token controls your engine.`)
  }
  process.on('uncaughtException', (err) => console.error('wharf: uncaught exception', err))
  process.on('unhandledRejection', (err) => console.error('wharf: unhandled rejection', err))
  try {
    const app = await startBrowserMode({ ...args, onListening: (url) => console.log(`Wharf is running at ${url}`) })
    const shutdown = (): void => {
      void app.close().then(() => process.exit(0))
      setTimeout(() => process.exit(0), 3000).unref()
    }
    process.on('SIGINT', shutdown)
    process.on('SIGTERM', shutdown)
  } catch (err) {
    console.error(`wharf: cannot listen on ${args.host}:${args.port}: ${(err as Error).message}`)
    process.exit(1)
  }
}

void main()
