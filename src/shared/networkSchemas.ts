/** Inputs of the network methods (issue 6, N2–N4). */
import { z } from 'zod'
import { contains, isCanonical, parseCidr, parseIpv4 } from './cidr'
import { containerRef } from './schemas'

export const NETWORK_DRIVERS = ['bridge', 'macvlan', 'ipvlan', 'overlay'] as const

const networkName = z
  .string()
  .trim()
  .min(1, 'A network name is required')
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A network name starts with a letter or digit, then letters, digits, _ . -')

export const networkRef = z.object({ id: networkName }).strict()

const keyValue = z
  .string()
  .max(4096)
  .regex(/^[^=\s][^=]*=/, 'Each entry is KEY=VALUE')

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
    if (n.subnet && !subnet) issue('subnet', 'A subnet is an IPv4 CIDR, e.g. 172.28.0.0/16')
    else if (n.subnet && !isCanonical(n.subnet))
      issue(
        'subnet',
        `Write the subnet with its host bits zero, e.g. ${n.subnet.split('/')[0].replace(/\.\d+$/, '.0')}/${n.subnet.split('/')[1]}`,
      )
    if (n.gateway) {
      const gateway = parseIpv4(n.gateway)
      if (gateway === null) issue('gateway', 'A gateway is an IPv4 address, e.g. 172.28.0.1')
      else if (!subnet) issue('gateway', 'A gateway needs a subnet')
      else if (!contains(subnet, gateway)) issue('gateway', `The gateway ${n.gateway} is not inside ${n.subnet}`)
    }
    if (n.ipRange) {
      const range = parseCidr(n.ipRange)
      if (!range) issue('ipRange', 'An IP range is an IPv4 CIDR inside the subnet, e.g. 172.28.5.0/24')
      else if (!subnet) issue('ipRange', 'An IP range needs a subnet')
      else if (!(contains(subnet, range.base) && range.bits >= subnet.bits))
        issue('ipRange', `The range ${n.ipRange} is not inside ${n.subnet}`)
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
          .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'An alias is a host name'),
      )
      .max(32),
    ipv4: z
      .string()
      .trim()
      .refine((v) => v === '' || parseIpv4(v) !== null, 'A static address is IPv4, e.g. 172.28.0.10')
      .optional(),
  })
  .strict()

export const disconnectInput = z.object({ network: networkName, container: containerRef, force: z.boolean().optional() }).strict()
