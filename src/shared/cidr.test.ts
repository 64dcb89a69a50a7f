import { describe, expect, it } from 'vitest'
import { canonical, contains, isCanonical, overlaps, parseCidr, parseIp, parseIpv4 } from './cidr'
import { createNetworkInput } from './networkSchemas'

describe('cidr', () => {
  it('parses IPv4 and IPv6 subnets and addresses, refusing what is not one', () => {
    expect(canonical(parseCidr('172.28.0.0/16')!)).toBe('172.28.0.0/16')
    expect(parseCidr('172.28.0.0/16')?.family).toBe('ipv4')
    expect(parseCidr('fd00:28::/64')).toMatchObject({ family: 'ipv6', bits: 64 })
    for (const bad of [
      '172.28.0.0',
      '172.28.0.0/33',
      '300.1.1.1/8',
      'a.b.c.d/8',
      '10.0.0.0/8/1',
      '10.1/8',
      'fd00::/129',
      'fd00:::1/64',
      '',
    ])
      expect(parseCidr(bad), bad).toBeNull()
    expect(parseIpv4('10.0.0.1')?.toString()).toBe('10.0.0.1')
    expect(parseIpv4('10.0.0')).toBeNull()
    expect(parseIpv4('fd00::1')).toBeNull()
    expect(parseIp('fd00::1')?.kind()).toBe('ipv6')
  })

  it('knows canonical subnets, membership and overlap, in both families', () => {
    expect(isCanonical('192.168.1.0/24')).toBe(true)
    expect(isCanonical('192.168.1.5/24')).toBe(false)
    expect(canonical(parseCidr('192.168.1.5/24')!)).toBe('192.168.1.0/24')
    expect(isCanonical('fd00:28::/64')).toBe(true)
    expect(isCanonical('fd00:28::5/64')).toBe(false)
    const net = parseCidr('192.168.1.0/24')!
    expect(contains(net, parseIp('192.168.1.254')!)).toBe(true)
    expect(contains(net, parseIp('192.168.2.1')!)).toBe(false)
    expect(contains(net, parseIp('fd00::1')!)).toBe(false)
    expect(overlaps(net, parseCidr('192.168.0.0/16')!)).toBe(true)
    expect(overlaps(parseCidr('192.168.0.0/16')!, net)).toBe(true)
    expect(overlaps(net, parseCidr('192.168.2.0/24')!)).toBe(false)
    const six = parseCidr('fd00:28::/64')!
    expect(contains(six, parseIp('fd00:28::1')!)).toBe(true)
    expect(contains(six, parseIp('fd00:29::1')!)).toBe(false)
    expect(overlaps(six, parseCidr('fd00::/16')!)).toBe(true)
    expect(overlaps(six, parseCidr('fd00:29::/64')!)).toBe(false)
    expect(overlaps(six, net)).toBe(false)
  })

  it('checks an IPv6 network form: the IPv6 option, the gateway and range in the subnet', () => {
    const form = { name: 'v6', driver: 'bridge' as const, internal: false, attachable: false, labels: [], options: [] }
    const issues = (input: object): string[] => {
      const r = createNetworkInput.safeParse({ ...form, ...input })
      return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`)
    }
    expect(issues({ ipv6: true, subnet: 'fd00:28::/64', gateway: 'fd00:28::1', ipRange: 'fd00:28::/80' })).toEqual([])
    expect(issues({ ipv6: false, subnet: 'fd00:28::/64' })).toEqual(['subnet: An IPv6 subnet needs the IPv6 option on'])
    expect(issues({ ipv6: true, subnet: 'fd00:28::5/64' })).toEqual(['subnet: Write the subnet with its host bits zero, e.g. fd00:28::/64'])
    expect(issues({ ipv6: true, subnet: 'fd00:28::/64', gateway: '172.28.0.1' })).toEqual([
      'gateway: The gateway 172.28.0.1 is not inside fd00:28::/64',
    ])
    expect(issues({ ipv6: false, subnet: '172.28.0.0/16', gateway: '172.28.0.1' })).toEqual([])
  })
})
