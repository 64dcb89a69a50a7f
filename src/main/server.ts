/**
 * Browser mode: the whole app without Electron. Serves the built renderer and the API
 * over a WebSocket on 127.0.0.1, behind a token. `npm run serve -- --help` for options.
 */
import { readFileSync } from 'node:fs'
import { startBrowserMode, type BrowserModeOptions } from './browserMode'
import { isLoopback, parseServerArgs, usage, type ServerArgs } from './serverArgs'

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (err) {
    throw new Error(`cannot read ${flag} ${file}: ${(err as Error).message}`)
  }
}

function warnings(args: ServerArgs): string[] {
  if (isLoopback(args.host)) return []
  const lines = [`listening on ${args.host}, reachable from other machines: anyone with the token controls your engine.`]
  if (args.insecure)
    lines.push(
      '',
      '*** --insecure: NO TLS. The access token, the session cookie and everything done in Wharf cross the',
      '*** network in clear text; anyone who can see the traffic can take over your engine. Use --tls-cert and',
      '*** --tls-key unless this network is yours alone.',
      '',
    )
  lines.push(
    args.hostShell
      ? 'the host shell is ON (--host-shell): a session can run commands on this machine as this user.'
      : 'the host shell is off (off loopback by default; --host-shell turns it on).',
  )
  return lines
}

async function main(): Promise<void> {
  let args: ServerArgs
  let tls: BrowserModeOptions['tls']
  try {
    args = parseServerArgs(process.argv.slice(2))
    if (args.tls) tls = { cert: readPem('--tls-cert', args.tls.certFile), key: readPem('--tls-key', args.tls.keyFile) }
  } catch (err) {
    console.error(`wharf: ${(err as Error).message}\n\n${usage}`)
    process.exit(2)
  }
  if (args.help) {
    console.log(usage)
    return
  }
  for (const line of warnings(args)) console.warn(line ? `wharf: WARNING: ${line}` : '')
  process.on('uncaughtException', (err) => console.error('wharf: uncaught exception', err))
  process.on('unhandledRejection', (err) => console.error('wharf: unhandled rejection', err))
  try {
    const { tls: _files, ...options } = args
    const app = await startBrowserMode({ ...options, tls, onListening: (url) => console.log(`Wharf is running at ${url}`) })
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
