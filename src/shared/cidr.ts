/**
 * IPv4 CIDR arithmetic for the network form: both sides check a subnet, its gateway and
 * IP range, and overlaps with existing networks, before the engine is asked.
 */
export interface Cidr {
  base: number
  bits: number
}

function ipv4(text: string): number | null {
  const parts = text.split('.')
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null
  return parts.reduce((n, p) => n * 256 + Number(p), 0)
}

export function parseIpv4(text: string): number | null {
  return ipv4(text.trim())
}

export function parseCidr(text: string): Cidr | null {
  const [ip, bits, extra] = text.trim().split('/')
  if (extra !== undefined || bits === undefined || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) return null
  const address = ipv4(ip)
  if (address === null) return null
  const size = 2 ** (32 - Number(bits))
  return { base: Math.floor(address / size) * size, bits: Number(bits) }
}

/** The subnet must be written with its host bits zero (192.168.1.0/24, not 192.168.1.5/24), as the engine requires. */
export function isCanonical(text: string): boolean {
  const cidr = parseCidr(text)
  return cidr !== null && ipv4(text.split('/')[0].trim()) === cidr.base
}

export function contains(net: Cidr, address: number): boolean {
  const size = 2 ** (32 - net.bits)
  return address >= net.base && address < net.base + size
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const end = (c: Cidr): number => c.base + 2 ** (32 - c.bits)
  return a.base < end(b) && b.base < end(a)
}
