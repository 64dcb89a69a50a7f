/**
 * An engine over SSH, as `docker -H ssh://user@host` reaches it: the remote's
 * `docker system dial-stdio` carries the Engine API. Unlike docker-modem's own SSH
 * support (a new SSH connection per request — two a second for the heartbeat alone), one
 * SSH connection per engine stays up, with keepalive, and each HTTP connection is a new
 * channel on it. The host key is checked against known_hosts before anything is sent:
 * an unknown key or a changed one refuses the connection and says which, with the
 * fingerprint as `ssh` shows it.
 */
import { readFile } from 'node:fs/promises'
import { Agent } from 'node:http'
import type { Duplex } from 'node:stream'
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2'
import type { HostKeySeen } from '../../shared/engines'
import { KeyLocked, sshKeyLock, type KeyState } from './keyLock'
import { fingerprint, keyFromBlob, keyText, type KnownHosts } from './knownHosts'

export interface SshTarget {
  host: string
  port: number
  user: string
  /** A private key file; without one, the SSH agent ($SSH_AUTH_SOCK). */
  identityFile?: string
  /** Asked at each connect: a passphrase entered after the engine was set up is used at once. */
  passphrase?: () => string | undefined
}

/** A refusal that names the host key, so the UI can show it and offer to accept it. */
export class HostKeyRefused extends Error {
  constructor(readonly seen: HostKeySeen) {
    super(
      seen.verdict === 'changed'
        ? `The host key of ${seen.host}:${seen.port} has CHANGED (${seen.algorithm} ${seen.fingerprint}). It does not match known_hosts: someone may be intercepting the connection, or the host was reinstalled. Wharf will not connect; check the key, then remove the old one from known_hosts.`
        : `The host key of ${seen.host}:${seen.port} is not known (${seen.algorithm} ${seen.fingerprint}). Check it, then accept it to connect.`,
    )
    this.name = 'HostKeyRefused'
  }
}

const DIAL = 'docker system dial-stdio'

export class SshTunnel {
  private client: Client | undefined
  private ready: Promise<Client> | undefined
  private refused: HostKeyRefused | undefined
  private closed = false
  /** What the last connect found of the key's passphrase, for the Engines list. */
  readonly keyState: KeyState = { lock: undefined }

  constructor(
    private readonly target: SshTarget,
    private readonly knownHosts: KnownHosts,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** What dockerode uses as its HTTP agent: every connection is a dial-stdio channel. */
  agent(): Agent {
    const agent = new Agent({ keepAlive: true })
    agent.createConnection = ((_options: unknown, done: (err: Error | null, socket?: Duplex) => void) => {
      this.channel().then(
        (channel) => done(null, channel),
        (err: Error) => done(err),
      )
    }) as unknown as Agent['createConnection']
    return agent
  }

  close(): void {
    this.closed = true
    this.client?.end()
    this.client = undefined
    this.ready = undefined
  }

  private async channel(): Promise<Duplex> {
    const client = await this.connect()
    const channel = await new Promise<ClientChannel>((resolve, reject) =>
      client.exec(DIAL, (err, stream) => (err ? reject(err) : resolve(stream))),
    )
    let stderr = ''
    let sawOutput = false
    channel.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
    channel.on('data', () => (sawOutput = true))
    channel.on('exit', (code: number | null) => {
      // The remote has no docker (127), or dial-stdio failed: say so instead of "socket hang up".
      if (code && !sawOutput) {
        channel.emit(
          'error',
          new Error(`The remote could not run \`${DIAL}\` (exit ${code}): ${stderr.trim() || 'is docker installed there?'}`),
        )
        channel.destroy()
      }
    })
    return asSocket(channel)
  }

  private connect(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('The SSH connection was closed'))
    this.ready ??= this.open().catch((err: unknown) => {
      this.ready = undefined
      throw err
    })
    return this.ready
  }

  private async open(): Promise<Client> {
    this.refused = undefined
    const { host, port, user, identityFile, passphrase } = this.target
    const config: ConnectConfig = {
      host,
      port,
      username: user,
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      readyTimeout: 15_000,
      hostVerifier: (blob: Buffer, verify: (valid: boolean) => void) => {
        const key = keyFromBlob(blob)
        void this.knownHosts.verify(host, port, key).then((verdict) => {
          if (verdict !== 'known') {
            this.refused = new HostKeyRefused({
              host,
              port,
              algorithm: key.algorithm,
              fingerprint: fingerprint(blob),
              key: keyText(key),
              verdict: verdict === 'changed' || verdict === 'revoked' ? 'changed' : 'unknown',
            })
          }
          verify(verdict === 'known')
        })
      },
    }
    if (identityFile) {
      config.privateKey = await readFile(identityFile).catch((err: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read the SSH key ${identityFile}: ${err.code ?? err.message}`)
      })
      const secret = passphrase?.()
      this.keyState.lock = sshKeyLock(config.privateKey, secret)
      if (this.keyState.lock) throw new KeyLocked(this.keyState.lock, `SSH key ${identityFile}`)
      if (secret) config.passphrase = secret
    } else if (this.env.SSH_AUTH_SOCK) {
      config.agent = this.env.SSH_AUTH_SOCK
    }
    const client = new Client()
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve())
      client.once('error', (err: Error & { level?: string }) => reject(this.refused ?? describeSshError(err, this.target)))
      client.connect(config)
    })
    client.on('error', () => undefined)
    client.once('close', () => {
      if (this.client === client) {
        this.client = undefined
        this.ready = undefined
      }
    })
    this.client = client
    return client
  }
}

function describeSshError(err: Error & { level?: string }, target: SshTarget): Error {
  if (err.level === 'client-authentication')
    return new Error(
      `SSH authentication as ${target.user}@${target.host} failed: ${target.identityFile ? `the key ${target.identityFile} was not accepted (or its passphrase is wrong)` : 'no key was given and the SSH agent offered none that works'}`,
    )
  if (err.level === 'client-timeout') return new Error(`SSH to ${target.host}:${target.port} timed out`)
  return err
}

/** What http needs of a socket beyond a stream; a channel has none of it and needs none. */
function asSocket(channel: ClientChannel): Duplex {
  const socket = channel as unknown as Duplex & Record<string, unknown>
  for (const name of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref'])
    if (typeof socket[name] !== 'function') socket[name] = () => socket
  return socket
}
