/**
 * Published ports as addresses a person can open: http on the published host port,
 * https when the container port is one TLS is served on (443, 8443). Only TCP ports
 * published on the host are links; the rest stay text.
 */
export interface PortEntry {
  text: string
  url?: string
}

const TLS_PORTS = new Set(['443', '8443'])
const WILDCARDS = new Set(['', '0.0.0.0', '::'])

export function portEntries(ports: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | null | undefined): PortEntry[] {
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
      const host = WILDCARDS.has(hostIp) ? 'localhost' : hostIp.includes(':') ? `[${hostIp}]` : hostIp
      const scheme = TLS_PORTS.has(containerPort) ? 'https' : 'http'
      out.push(protocol === 'tcp' && b.HostPort ? { text, url: `${scheme}://${host}:${b.HostPort}/` } : { text })
    }
  }
  return out
}
