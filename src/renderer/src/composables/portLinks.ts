/**
 * Published ports as addresses a person can open: http on the published host port,
 * https when the container port is one TLS is served on (443, 8443). Only TCP ports
 * published on the host are links; the rest stay text. The `url` here is what the link
 * shows; opening it asks main (containers.openPort), which builds the address itself.
 */
export interface PortEntry {
  text: string
  /** For a link: the address as shown, and the container's port to ask main to open. */
  link?: { url: string; port: number; protocol: 'tcp' }
}

const TLS_PORTS = new Set(['443', '8443'])
const WILDCARDS = new Set(['', '0.0.0.0', '::'])

export function portEntries(
  ports: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | null | undefined,
  /** Where a wildcard bind is reached: the engine's host (localhost for a local socket). */
  engineHost = 'localhost',
): PortEntry[] {
  const seen = new Set<string>()
  const out: PortEntry[] = []
  for (const [port, bindings] of Object.entries(ports ?? {})) {
    const [containerPort, protocol = 'tcp'] = port.split('/')
    if (!bindings?.length) {
      if (!seen.has(port)) out.push({ text: port })
      seen.add(port)
      continue
    }
    for (const b of bindings) {
      const hostIp = b.HostIp ?? ''
      const text = `${WILDCARDS.has(hostIp) ? '' : `${hostIp.includes(':') ? `[${hostIp}]` : hostIp}:`}${b.HostPort ?? ''} → ${port}`
      // The engine lists a wildcard bind once per address family; one link is enough.
      if (seen.has(text)) continue
      seen.add(text)
      const ip = WILDCARDS.has(hostIp) ? engineHost : hostIp
      const host = ip.includes(':') ? `[${ip}]` : ip
      const scheme = TLS_PORTS.has(containerPort) ? 'https' : 'http'
      out.push(
        protocol === 'tcp' && b.HostPort
          ? { text, link: { url: `${scheme}://${host}:${b.HostPort}/`, port: Number(containerPort), protocol: 'tcp' } }
          : { text },
      )
    }
  }
  return out
}
