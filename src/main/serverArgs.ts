import { randomBytes } from 'node:crypto'

export interface ServerArgs {
  port: number
  host: string
  token: string
  engine?: string
  /** False with --no-host-shell: the Terminal pane's host shell is refused. */
  hostShell: boolean
  help: boolean
}

export const usage = `Usage: npm run serve -- [--port N] [--host ADDR] [--token T] [--engine URL] [--no-host-shell]

  --port N      port to listen on (default 7800; 0 picks a free one)
  --host ADDR   address to listen on (default 127.0.0.1; anything else is reachable
                from other machines and is warned about)
  --token T     access token (default: a new random one each start)
  --engine URL  engine address, e.g. unix:///var/run/docker.sock, tcp://host:2376 or
                ssh://user@host (default: DOCKER_HOST, then the docker context, then the
                usual Docker and Podman sockets)
  --no-host-shell
                refuse the host terminal (a shell on this machine as the user running
                Wharf); terminals into containers still work`

export function parseServerArgs(argv: string[]): ServerArgs {
  const args: ServerArgs = { port: 7800, host: '127.0.0.1', token: '', hostShell: true, help: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${name} needs a value`)
      return v
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
      case '--no-host-shell':
        if (inline !== undefined) throw new Error('--no-host-shell takes no value')
        args.hostShell = false
        break
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        throw new Error(`Unknown option "${flag}"`)
    }
  }
  if (!args.token) args.token = randomBytes(24).toString('base64url')
  return args
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}
