/**
 * Subnet arithmetic for the network form, IPv4 and IPv6, on ipaddr.js: both sides check a
 * subnet, its gateway and IP range, and overlaps with existing networks, before the
 * engine is asked.
 */
import ipaddr from 'ipaddr.js'

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6
export type IpFamily = 'ipv4' | 'ipv6'

export interface Cidr {
  /** The subnet's own address (host bits zero). */
  network: IpAddress
  bits: number
  family: IpFamily
}

const familyOf = (address: IpAddress): IpFamily => address.kind()

/** An address written in full form (no IPv4 shorthand like `10.1`, which ipaddr.js would accept). */
export function parseIp(text: string): IpAddress | null {
  const value = text.trim()
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value)
  return value.includes(':') && ipaddr.IPv6.isValid(value) ? ipaddr.IPv6.parse(value) : null
}

export function parseIpv4(text: string): IpAddress | null {
  const address = parseIp(text)
  return address?.kind() === 'ipv4' ? address : null
}

export function parseCidr(text: string): Cidr | null {
  const [ip, bits, extra] = text.trim().split('/')
  const address = parseIp(ip ?? '')
  if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits) || !address) return null
  const max = address.kind() === 'ipv4' ? 32 : 128
  if (Number(bits) > max) return null
  const network =
    address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text.trim()) : ipaddr.IPv6.networkAddressFromCIDR(text.trim())
  return { network, bits: Number(bits), family: familyOf(address) }
}

/** The subnet must be written with its host bits zero (192.168.1.0/24, not 192.168.1.5/24), as the engine requires. */
export function isCanonical(text: string): boolean {
  const cidr = parseCidr(text)
  const address = parseIp(text.split('/')[0])
  return cidr !== null && address !== null && address.toNormalizedString() === cidr.network.toNormalizedString()
}

/** The subnet as it should have been written, for the message that asks for it. */
export function canonical(cidr: Cidr): string {
  return `${cidr.network.toString()}/${cidr.bits}`
}

export function contains(net: Cidr, address: IpAddress): boolean {
  // ipaddr.js's match throws across families; an IPv6 address is never inside an IPv4 net.
  return address.kind() === net.family && address.match(net.network, net.bits)
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false
  // Two prefixes overlap exactly when the shorter one holds the longer one's network.
  return a.bits <= b.bits ? contains(a, b.network) : contains(b, a.network)
}
