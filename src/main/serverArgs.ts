import { randomBytes } from 'node:crypto'

export interface ServerArgs {
  port: number
  host: string
  token: string
  engine?: string
  /** The Terminal pane's host shell: on by default on loopback only; --host-shell / --no-host-shell decide. */
  hostShell: boolean
  /** PEM files to serve HTTPS with (--tls-cert, --tls-key). */
  tls?: { certFile: string; keyFile: string }
  /** --insecure: plain HTTP on an address other machines reach, accepted knowingly. */
  insecure: boolean
  help: boolean
}

export const usage = `Usage: npm run serve -- [--port N] [--host ADDR] [--token T] [--engine URL]
                      [--tls-cert FILE --tls-key FILE | --insecure] [--host-shell | --no-host-shell]

  --port N          port to listen on (default 7800; 0 picks a free one)
  --host ADDR       address to listen on (default 127.0.0.1). Any other address is
                    reachable from other machines: it needs --tls-cert and --tls-key,
                    or --insecure
  --token T         access token (default: a new random one each start)
  --engine URL      engine address, e.g. unix:///var/run/docker.sock, tcp://host:2376 or
                    ssh://user@host (default: DOCKER_HOST, then the docker context, then
                    the usual Docker and Podman sockets)
  --tls-cert FILE   serve HTTPS with this certificate (PEM; the chain may follow it)
  --tls-key FILE    and this private key (PEM)
  --insecure        serve plain HTTP on a non-loopback --host: the token, the session
                    cookie and everything done in Wharf cross the network in clear text
  --host-shell      allow the Terminal pane's host shell (a shell on this machine as the
                    user running Wharf); the default on loopback only
  --no-host-shell   refuse the host shell; the default on any other --host; terminals
                    into containers still work`

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host)
}

/** Why serving on `host` this way is refused, or undefined when it is fine. */
export function exposureProblem(host: string, tls: boolean, insecure: boolean): string | undefined {
  if (isLoopback(host) || tls || insecure) return undefined
  return (
    `--host ${host} makes Wharf reachable from other machines, and without TLS the access token, the session cookie ` +
    'and everything done in Wharf would cross the network in clear text. Give --tls-cert FILE and --tls-key FILE to ' +
    'serve HTTPS, or --insecure if you accept that (on a network you trust).'
  )
}

export function parseServerArgs(argv: string[]): ServerArgs {
  const args: ServerArgs = { port: 7800, host: '127.0.0.1', token: '', hostShell: true, insecure: false, help: false }
  let hostShell: boolean | undefined
  let certFile: string | undefined
  let keyFile: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${name} needs a value`)
      return v
    }
    const noValue = (): void => {
      if (inline !== undefined) throw new Error(`${name} takes no value`)
    }
    switch (name) {
      case '--port': {
        const port = Number(value())
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a number from 0 to 65535')
        args.port = port
        break
      }
      case '--host':
        args.host = value()
        break
      case '--token': {
        const token = value()
        if (token.length < 8 || !/^[\x21-\x7e]+$/.test(token))
          throw new Error('--token must be at least 8 printable characters without spaces')
        args.token = token
        break
      }
      case '--engine':
        args.engine = value()
        break
      case '--tls-cert':
        certFile = value()
        break
      case '--tls-key':
        keyFile = value()
        break
      case '--insecure':
        noValue()
        args.insecure = true
        break
      case '--host-shell':
      case '--no-host-shell': {
        noValue()
        const wanted = name === '--host-shell'
        if (hostShell !== undefined && hostShell !== wanted) throw new Error('--host-shell and --no-host-shell contradict each other')
        hostShell = wanted
        break
      }
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        throw new Error(`Unknown option "${flag}"`)
    }
  }
  if (args.help) return args
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--tls-cert and --tls-key go together: give both')
  if (certFile !== undefined && keyFile !== undefined) args.tls = { certFile, keyFile }
  if (args.tls && args.insecure) throw new Error('--insecure means serving without TLS: leave it out when giving --tls-cert and --tls-key')
  const problem = exposureProblem(args.host, args.tls !== undefined, args.insecure)
  if (problem) throw new Error(problem)
  // Off loopback a shell on this machine is one stolen session away from anyone on the network.
  args.hostShell = hostShell ?? isLoopback(args.host)
  if (!args.token) args.token = randomBytes(24).toString('base64url')
  return args
}
