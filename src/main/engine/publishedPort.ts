/**
 * The address of a container's published port, built in main from what the engine says
 * (never from an address the renderer hands over), so the desktop can open it in the
 * system browser without opening any http address the window asks for (DESIGN §5).
 */
import { WharfError } from '../../shared/errors'

type PortBindings = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null | undefined>

export interface PortOwner {
  Name: string
  NetworkSettings?: { Ports?: PortBindings | null }
}

const TLS_PORTS = new Set([443, 8443])
const WILDCARDS = new Set(['', '0.0.0.0', '::'])

/** The host a wildcard-bound port is reached at: the engine's machine, or this one for a local socket. */
export function engineHost(endpoint: string | undefined): string {
  if (!endpoint) return 'localhost'
  try {
    const url = new URL(endpoint)
    return url.protocol === 'unix:' || url.protocol === 'npipe:' || !url.hostname ? 'localhost' : url.hostname.replace(/^\[|\]$/g, '')
  } catch {
    return 'localhost'
  }
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.')
}

/**
 * http://host:hostPort/ for the container's `port`/`protocol` (https for 443 and 8443),
 * or a WharfError saying why there is no web address to open.
 */
export function publishedPortUrl(container: PortOwner, port: number, protocol: string, endpoint: string | undefined): string {
  const name = container.Name.replace(/^\//, '')
  const key = `${port}/${protocol}`
  if (protocol !== 'tcp') {
    throw new WharfError({ code: 'invalid_input', message: `${key} of ${name} is not TCP, so it serves no web page to open.` })
  }
  const ports = container.NetworkSettings?.Ports ?? {}
  if (!(key in ports)) {
    throw new WharfError({ code: 'not_found', message: `${name} has no port ${key}.` })
  }
  const remote = engineHost(endpoint) !== 'localhost'
  const bindings = (ports[key] ?? []).filter((b) => b.HostPort && /^\d+$/.test(b.HostPort))
  if (bindings.length === 0) {
    throw new WharfError({ code: 'not_found', message: `Port ${key} of ${name} is not published on the host.` })
  }
  // A wildcard bind first (reachable on the engine's host), then a specific address.
  const usable = bindings.find((b) => WILDCARDS.has(b.HostIp ?? '')) ?? bindings.find((b) => !(remote && isLoopback(b.HostIp ?? '')))
  if (!usable) {
    throw new WharfError({
      code: 'unsupported',
      message: `Port ${key} of ${name} is published only on the loopback address of the engine's machine (${bindings[0].HostIp}), which this computer cannot reach.`,
    })
  }
  const ip = usable.HostIp ?? ''
  const host = WILDCARDS.has(ip) ? engineHost(endpoint) : ip
  const scheme = TLS_PORTS.has(port) ? 'https' : 'http'
  return new URL(`${scheme}://${host.includes(':') ? `[${host}]` : host}:${usable.HostPort}/`).href
}
