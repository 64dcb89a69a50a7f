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

/** Refusals that need no connection attempt. */
export function checkEndpoint(endpoint: EngineEndpoint): void {
  if (endpoint.kind === 'tcp' && !isLoopbackHost(endpoint.host) && !endpoint.insecureConfirmed)
    throw new WharfError({
      code: 'invalid_input',
      message: `tcp://${endpoint.host}:${endpoint.port} is unencrypted and unauthenticated: anyone on the network could control this engine. Use TLS or SSH, or confirm that you accept the risk.`,
      fields: { 'endpoint.insecureConfirmed': 'Confirm the unencrypted connection, or use TLS or SSH' },
    })
}

/** The scope options for an engine; `tunnel` is the SSH connection to close with it, if any. */
export function connectionFor(
  endpoint: EngineEndpoint,
  /** The SSH key's passphrase, asked at each connect so one entered later is used. */
  passphrase: () => string | undefined,
  knownHosts: KnownHosts,
): ScopeOptions & { tunnel?: SshTunnel } {
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
      const tls = {
        ca: readPem(endpoint.ca, 'CA certificate'),
        cert: endpoint.cert && readPem(endpoint.cert, 'client certificate'),
        key: endpoint.key && readPem(endpoint.key, 'client key'),
      }
      const options: Dockerode.DockerOptions = { host: endpoint.host, port: endpoint.port, protocol: 'https', ...tls }
      return { ...base, clientOptions: () => options, connectTimeoutMs: TCP_CONNECT_MS }
    }
    case 'ssh': {
      const tunnel = new SshTunnel(
        {
          host: endpoint.host,
          port: endpoint.port,
          user: endpoint.user,
          identityFile: endpoint.identityFile,
          passphrase,
        },
        knownHosts,
      )
      const agent = tunnel.agent()
      return {
        ...base,
        tunnel,
        clientOptions: () => ({ protocol: 'http', host: 'wharf-ssh', port: 2375, agent }) as Dockerode.DockerOptions,
        connectTimeoutMs: SSH_CONNECT_MS,
        onClose: () => tunnel.close(),
      }
    }
  }
}
