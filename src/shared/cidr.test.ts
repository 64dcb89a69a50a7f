import { describe, expect, it } from 'vitest'
import { contains, isCanonical, overlaps, parseCidr, parseIpv4 } from './cidr'

describe('cidr', () => {
  it('parses subnets and addresses, refusing what is not one', () => {
    expect(parseCidr('172.28.0.0/16')).toEqual({ base: (172 * 256 + 28) * 65536, bits: 16 })
    for (const bad of ['172.28.0.0', '172.28.0.0/33', '300.1.1.1/8', 'a.b.c.d/8', '10.0.0.0/8/1', '']) expect(parseCidr(bad)).toBeNull()
    expect(parseIpv4('10.0.0.1')).toBe(167772161)
    expect(parseIpv4('10.0.0')).toBeNull()
  })

  it('knows canonical subnets, membership and overlap', () => {
    expect(isCanonical('192.168.1.0/24')).toBe(true)
    expect(isCanonical('192.168.1.5/24')).toBe(false)
    const net = parseCidr('192.168.1.0/24')!
    expect(contains(net, parseIpv4('192.168.1.254')!)).toBe(true)
    expect(contains(net, parseIpv4('192.168.2.1')!)).toBe(false)
    expect(overlaps(net, parseCidr('192.168.0.0/16')!)).toBe(true)
    expect(overlaps(net, parseCidr('192.168.2.0/24')!)).toBe(false)
  })
})
