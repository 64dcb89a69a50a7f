/**
 * From how the user said to reach an engine (an `EngineEndpoint`) to a connection: the
 * address shown (as DOCKER_HOST would spell it) and the dockerode options — a socket,
 * plain TCP, TCP with TLS (the CA checked, the host name verified by Node's TLS), or an
 * SSH tunnel with its host key checked. A plain TCP address on another machine is
 * refused unless the user confirmed it: it has no encryption and no authentication.
 */
import type Dockerode from 'dockerode'
import { readFileSync } from 'node:fs'
import type { z } from 'zod'
import type { EngineEndpoint, pemSource } from '../../shared/engineSchemas'
import { WharfError } from '../../shared/errors'
import { KeyLocked, openTlsKey, type KeyState } from './keyLock'
import type { KnownHosts } from './knownHosts'
import type { ScopeOptions } from './scope'
import { SshTunnel } from './sshTunnel'

const SSH_CONNECT_MS = 15_000
const TCP_CONNECT_MS = 5_000

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** The address as the docker CLI spells it. */
export function endpointUrl(endpoint: EngineEndpoint): string {
  switch (endpoint.kind) {
    case 'unix':
      return `unix://${endpoint.path}`
    case 'tcp':
    case 'tls':
      return `tcp://${endpoint.host}:${endpoint.port}`
    case 'ssh':
      return `ssh://${endpoint.user}@${endpoint.host}:${endpoint.port}`
  }
}

function readPem(source: z.output<typeof pemSource>, what: string): Buffer {
  if (source.from === 'text') return Buffer.from(source.pem)
  try {
    return readFileSync(source.path)
  } catch (err) {
    throw new WharfError({
      code: 'invalid_input',
      message: `Cannot read the ${what} ${source.path}: ${(err as NodeJS.ErrnoException).code ?? ''}`,
    })
  }
}

/** The pasted TLS client key kept with the engine's secrets, or why it is gone. */
function keptKey(secrets: EngineKeySecrets): Buffer {
  const pem = secrets.keptKey?.()
  if (pem) return Buffer.from(pem)
  throw new WharfError({
    code: 'engine_unavailable',
    message:
      'The TLS client key pasted when this engine was added was kept in memory only, and Wharf has restarted since (browser mode keeps secrets only until it stops). Remove the engine and add it again, giving the key as a file to keep it across restarts.',
  })
}

/** Refusals that need no connection attempt. */
export function checkEndpoint(endpoint: EngineEndpoint): void {
  if (endpoint.kind === 'tcp' && !isLoopbackHost(endpoint.host) && !endpoint.insecureConfirmed)
    throw new WharfError({
      code: 'invalid_input',
      message: `tcp://${endpoint.host}:${endpoint.port} is unencrypted and unauthenticated: anyone on the network could control this engine. Use TLS or SSH, or confirm that you accept the risk.`,
      fields: { 'endpoint.insecureConfirmed': 'Confirm the unencrypted connection, or use TLS or SSH' },
    })
}

/** An engine's secrets, asked at each connect so one entered later is used. */
export interface EngineKeySecrets {
  /** The passphrase of its SSH key or TLS client key. */
  passphrase: () => string | undefined
  /** A TLS client key pasted when the engine was added (`{ from: 'kept' }` in its endpoint). */
  keptKey?: () => string | undefined
}

/**
 * The scope options for an engine; `tunnel` is the SSH connection to close with it, if
 * any; `keyState` says whether its key (SSH identity or TLS client key) waits for a passphrase.
 */
export function connectionFor(
  endpoint: EngineEndpoint,
  secrets: EngineKeySecrets,
  knownHosts: KnownHosts,
): ScopeOptions & { tunnel?: SshTunnel; keyState?: KeyState } {
  checkEndpoint(endpoint)
  const explicit = endpointUrl(endpoint)
  const base = { explicit, explicitSource: 'added engine' }
  switch (endpoint.kind) {
    case 'unix':
      return base
    case 'tcp':
      return {
        ...base,
        clientOptions: () => ({ host: endpoint.host, port: endpoint.port, protocol: 'http' }),
        connectTimeoutMs: TCP_CONNECT_MS,
      }
    case 'tls': {
      const ca = readPem(endpoint.ca, 'CA certificate')
      const cert = endpoint.cert && readPem(endpoint.cert, 'client certificate')
      const keySource = endpoint.key
      const keyPem = keySource && keySource.from !== 'kept' ? readPem(keySource, 'client key') : undefined
      const what = keySource?.from === 'file' ? `TLS client key ${keySource.path}` : 'TLS client key'
      const keyState: KeyState = { lock: undefined }
      const clientOptions = (): Dockerode.DockerOptions => {
        let key: Buffer | undefined
        try {
          const pem = keySource?.from === 'kept' ? keptKey(secrets) : keyPem
          key = pem && openTlsKey(pem, secrets.passphrase(), what)
          keyState.lock = undefined
        } catch (err) {
          if (err instanceof KeyLocked) keyState.lock = err.lock
          throw err
        }
        return { host: endpoint.host, port: endpoint.port, protocol: 'https', ca, cert, key }
      }
      return { ...base, clientOptions, keyState, connectTimeoutMs: TCP_CONNECT_MS }
    }
    case 'ssh': {
      const tunnel = new SshTunnel(
        {
          host: endpoint.host,
          port: endpoint.port,
          user: endpoint.user,
          identityFile: endpoint.identityFile,
          passphrase: secrets.passphrase,
        },
        knownHosts,
      )
      const agent = tunnel.agent()
      return {
        ...base,
        tunnel,
        keyState: tunnel.keyState,
        clientOptions: () => ({ protocol: 'http', host: 'wharf-ssh', port: 2375, agent }) as Dockerode.DockerOptions,
        connectTimeoutMs: SSH_CONNECT_MS,
        onClose: () => tunnel.close(),
      }
    }
  }
}
