/** Inputs of the network methods (issue 6, N2–N4). */
import { z } from 'zod'
import { canonical, contains, isCanonical, parseCidr, parseIp, parseIpv4 } from './cidr'
import { FIELD_TEXT, fieldText } from './fieldText'
import { containerRef } from './schemas'

export const NETWORK_DRIVERS = ['bridge', 'macvlan', 'ipvlan', 'overlay'] as const

const networkName = z
  .string()
  .trim()
  .min(1, FIELD_TEXT.networkNameRequired)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, FIELD_TEXT.networkName)

export const networkRef = z.object({ id: networkName }).strict()

const keyValue = z
  .string()
  .max(4096)
  .regex(/^[^=\s][^=]*=/, FIELD_TEXT.keyValue)

export const createNetworkInput = z
  .object({
    name: networkName,
    driver: z.enum(NETWORK_DRIVERS),
    subnet: z.string().trim().max(64).optional(),
    gateway: z.string().trim().max(64).optional(),
    ipRange: z.string().trim().max(64).optional(),
    internal: z.boolean(),
    attachable: z.boolean(),
    ipv6: z.boolean(),
    labels: z.array(keyValue).max(64),
    options: z.array(keyValue).max(64),
  })
  .strict()
  .superRefine((n, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message })
    const subnet = n.subnet ? parseCidr(n.subnet) : null
    if (n.subnet && !subnet) issue('subnet', FIELD_TEXT.subnetCidr)
    else if (subnet && n.subnet && !isCanonical(n.subnet)) issue('subnet', fieldText('subnetHostBits', { example: canonical(subnet) }))
    // The engine takes an IPv6 subnet without it, and then gives no container an IPv6 address.
    else if (subnet?.family === 'ipv6' && !n.ipv6) issue('subnet', FIELD_TEXT.subnetNeedsIpv6)
    if (n.gateway) {
      const gateway = parseIp(n.gateway)
      if (gateway === null) issue('gateway', FIELD_TEXT.gatewayIp)
      else if (!subnet) issue('gateway', FIELD_TEXT.gatewayNeedsSubnet)
      else if (!contains(subnet, gateway)) issue('gateway', fieldText('gatewayOutside', { gateway: n.gateway, subnet: n.subnet ?? '' }))
    }
    if (n.ipRange) {
      const range = parseCidr(n.ipRange)
      if (!range) issue('ipRange', FIELD_TEXT.rangeCidr)
      else if (!subnet) issue('ipRange', FIELD_TEXT.rangeNeedsSubnet)
      else if (!(contains(subnet, range.network) && range.bits >= subnet.bits))
        issue('ipRange', fieldText('rangeOutside', { range: n.ipRange, subnet: n.subnet ?? '' }))
    }
  })

export const connectInput = z
  .object({
    network: networkName,
    container: containerRef,
    aliases: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, FIELD_TEXT.alias),
      )
      .max(32),
    ipv4: z
      .string()
      .trim()
      .refine((v) => v === '' || parseIpv4(v) !== null, FIELD_TEXT.staticIp)
      .optional(),
  })
  .strict()

export const disconnectInput = z.object({ network: networkName, container: containerRef, force: z.boolean().optional() }).strict()
