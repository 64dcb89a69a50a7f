/**
 * The docker CLI's contexts (E1, E2), read from the user's docker config — never written:
 * `$DOCKER_CONFIG/contexts/meta/<sha256(name)>/meta.json` names the endpoint, and a TLS
 * context keeps its CA, certificate and key under `contexts/tls/<same digest>/docker/`.
 * Each becomes an engine the user can add as it is.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { EngineEndpoint } from '../../shared/engineSchemas'
import type { DockerContext } from '../../shared/engines'

interface Meta {
  Name?: unknown
  Metadata?: { Description?: unknown }
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

/** How Wharf reaches a context's address; undefined when it cannot (npipe, a malformed host). */
export function endpointOfContext(host: string, tlsDir: string | undefined): EngineEndpoint | undefined {
  let url: URL
  try {
    url = new URL(host)
  } catch {
    return undefined
  }
  const port = url.port ? Number(url.port) : undefined
  switch (url.protocol) {
    case 'unix:':
      return url.pathname ? { kind: 'unix', path: decodeURIComponent(url.pathname) } : undefined
    case 'ssh:':
      return { kind: 'ssh', user: decodeURIComponent(url.username) || 'root', host: url.hostname, port: port ?? 22 }
    case 'tcp:':
    case 'https:':
      if (tlsDir && existsSync(join(tlsDir, 'ca.pem'))) {
        const file = (name: string) => (existsSync(join(tlsDir, name)) ? { from: 'file' as const, path: join(tlsDir, name) } : undefined)
        return {
          kind: 'tls',
          host: url.hostname,
          port: port ?? 2376,
          ca: { from: 'file', path: join(tlsDir, 'ca.pem') },
          cert: file('cert.pem'),
          key: file('key.pem'),
        }
      }
      return { kind: 'tcp', host: url.hostname, port: port ?? 2375, insecureConfirmed: false }
    default:
      return undefined
  }
}

export function dockerContexts(env: NodeJS.ProcessEnv = process.env, home = homedir()): DockerContext[] {
  const configDir = env.DOCKER_CONFIG ?? join(home, '.docker')
  const config = readJson<{ currentContext?: unknown }>(join(configDir, 'config.json'))
  const current = env.DOCKER_CONTEXT || (typeof config?.currentContext === 'string' ? config.currentContext : 'default')
  const metaRoot = join(configDir, 'contexts', 'meta')
  const found: DockerContext[] = []
  let digests: string[] = []
  try {
    digests = readdirSync(metaRoot)
  } catch {
    digests = []
  }
  for (const digest of digests) {
    const meta = readJson<Meta>(join(metaRoot, digest, 'meta.json'))
    const name = typeof meta?.Name === 'string' ? meta.Name : undefined
    const host = meta?.Endpoints?.docker?.Host
    if (!name || typeof host !== 'string' || createHash('sha256').update(name).digest('hex') !== digest) continue
    const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker')
    found.push({
      name,
      host,
      current: name === current,
      description: typeof meta?.Metadata?.Description === 'string' ? meta.Metadata.Description : '',
      endpoint: endpointOfContext(host, existsSync(tlsDir) ? tlsDir : undefined),
    })
  }
  // The CLI's built-in context: DOCKER_HOST, else the default socket.
  const defaultHost = env.DOCKER_HOST || (process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock')
  found.unshift({
    name: 'default',
    host: defaultHost,
    current: current === 'default',
    description: 'The docker CLI’s built-in context',
    endpoint: endpointOfContext(defaultHost, undefined),
  })
  return found
}
