import { readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { join } from 'node:path'
import { inspect } from 'node:util'
import type { DockerOptions } from 'dockerode'

/**
 * docker-modem formats every request's options with util.inspect (showHidden, no depth
 * limit) for a debug line, even when debugging is off; with a live keep-alive Agent in
 * them that walks every socket and costs milliseconds per request. The agent answers
 * inspect with its name instead.
 */
function quietAgent(): Agent {
  const agent = new Agent({ keepAlive: true })
  Object.defineProperty(agent, inspect.custom, { value: () => 'http.Agent(keepAlive)' })
  return agent
}

/** Turns an engine URL as DOCKER_HOST spells it into dockerode options. */
export function optionsForEndpoint(endpoint: string, env: NodeJS.ProcessEnv = process.env): DockerOptions {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new Error(`"${endpoint}" is not an engine address (expected unix://, tcp://, ssh:// or npipe://)`)
  }
  switch (url.protocol) {
    case 'unix:':
      if (!url.pathname) throw new Error(`"${endpoint}" names no socket path`)
      // Keep-alive: list and inspect calls reuse one connection instead of opening one each.
      return { socketPath: decodeURIComponent(url.pathname), agent: quietAgent() } as DockerOptions
    case 'npipe:':
      // npipe:////./pipe/docker_engine → //./pipe/docker_engine
      return { socketPath: endpoint.replace(/^npipe:\/\//, '').replace(/\//g, '\\') }
    case 'tcp:':
    case 'http:':
    case 'https:': {
      const tls = url.protocol === 'https:' || (env.DOCKER_TLS_VERIFY ?? '') !== ''
      const options: DockerOptions = {
        host: url.hostname,
        port: url.port ? Number(url.port) : tls ? 2376 : 2375,
        protocol: tls ? 'https' : 'http',
      }
      const certPath = env.DOCKER_CERT_PATH
      if (tls && certPath) {
        options.ca = readFileSync(join(certPath, 'ca.pem'))
        options.cert = readFileSync(join(certPath, 'cert.pem'))
        options.key = readFileSync(join(certPath, 'key.pem'))
      }
      return options
    }
    case 'ssh:':
      return {
        protocol: 'ssh',
        host: url.hostname,
        port: url.port ? Number(url.port) : 22,
        username: url.username ? decodeURIComponent(url.username) : undefined,
        sshOptions: { agent: env.SSH_AUTH_SOCK, keepaliveInterval: 10_000 },
      }
    default:
      throw new Error(`Unsupported engine address scheme "${url.protocol}" in "${endpoint}"`)
  }
}
