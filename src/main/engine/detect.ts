import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { EngineCandidate } from '../../shared/types'

export interface DetectOptions {
  /** An address the user gave explicitly (--engine); when set, nothing else is tried. */
  explicit?: string
  /** Where the explicit address came from, as the status lists it ("--engine" by default). */
  explicitSource?: string
  env?: NodeJS.ProcessEnv
  home?: string
  platform?: NodeJS.Platform
  uid?: number
}

/**
 * The engine addresses to try, in the order the docker CLI itself would pick them:
 * an explicit address or DOCKER_HOST alone (so a test or a user pointing at one
 * engine never lands on another), else the current docker context, else the
 * well-known sockets of Docker, Docker Desktop and Podman.
 */
export function engineCandidates(options: DetectOptions = {}): EngineCandidate[] {
  const env = options.env ?? process.env
  const home = options.home ?? homedir()
  const platform = options.platform ?? process.platform
  if (options.explicit) return [{ source: options.explicitSource ?? '--engine', endpoint: options.explicit }]
  if (env.DOCKER_HOST) return [{ source: 'DOCKER_HOST', endpoint: env.DOCKER_HOST }]

  const found: EngineCandidate[] = []
  const context = contextEndpoint(home, env)
  if (context) found.push(context)

  if (platform === 'win32') {
    found.push({ source: 'default pipe', endpoint: 'npipe:////./pipe/docker_engine' })
    found.push({ source: 'Podman machine pipe', endpoint: 'npipe:////./pipe/podman-machine-default' })
  } else {
    const uid = options.uid ?? (typeof process.getuid === 'function' ? process.getuid() : 0)
    const runtimeDir = env.XDG_RUNTIME_DIR ?? `/run/user/${uid}`
    found.push({ source: 'default socket', endpoint: 'unix:///var/run/docker.sock' })
    found.push({ source: 'Docker Desktop', endpoint: `unix://${join(home, '.docker/run/docker.sock')}` })
    found.push({ source: 'Docker Desktop', endpoint: `unix://${join(home, '.docker/desktop/docker.sock')}` })
    found.push({ source: 'rootless Podman', endpoint: `unix://${join(runtimeDir, 'podman/podman.sock')}` })
    found.push({ source: 'rootful Podman', endpoint: 'unix:///run/podman/podman.sock' })
    found.push({ source: 'rootless Docker', endpoint: `unix://${join(runtimeDir, 'docker.sock')}` })
    if (platform === 'darwin') {
      found.push({ source: 'Podman machine', endpoint: `unix://${join(home, '.local/share/containers/podman/machine/podman.sock')}` })
    }
  }
  const seen = new Set<string>()
  return found.filter((c) => (seen.has(c.endpoint) ? false : (seen.add(c.endpoint), true)))
}

/** The endpoint of the docker CLI's current context, unless it is "default". */
export function contextEndpoint(home: string, env: NodeJS.ProcessEnv): EngineCandidate | undefined {
  const configDir = env.DOCKER_CONFIG ?? join(home, '.docker')
  let name = env.DOCKER_CONTEXT
  if (!name) {
    try {
      const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as { currentContext?: unknown }
      if (typeof config.currentContext === 'string') name = config.currentContext
    } catch {
      return undefined
    }
  }
  if (!name || name === 'default') return undefined
  const digest = createHash('sha256').update(name).digest('hex')
  try {
    const meta = JSON.parse(readFileSync(join(configDir, 'contexts/meta', digest, 'meta.json'), 'utf8')) as {
      Endpoints?: { docker?: { Host?: unknown } }
    }
    const host = meta.Endpoints?.docker?.Host
    if (typeof host === 'string' && host) return { source: `docker context "${name}"`, endpoint: host }
  } catch {
    return { source: `docker context "${name}"`, endpoint: `context:${name}`, error: 'The context has no readable meta.json' }
  }
  return undefined
}
