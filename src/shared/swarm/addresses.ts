/**
 * The addresses an engine offers to advertise, read from its own refusal when it has
 * several and cannot choose: "could not choose an IP address to advertise since this
 * system has multiple addresses on different interfaces (10.0.0.2 on eth0 and
 * 192.168.1.5 on eth1)". The engine knows its host's interfaces; Wharf may run elsewhere.
 */
export interface AddressChoice {
  address: string
  iface: string
}

export function addressChoices(message: string): AddressChoice[] {
  if (!/multiple addresses/.test(message)) return []
  const found: AddressChoice[] = []
  for (const m of message.matchAll(/([0-9a-fA-F.:]+) on ([\w.@-]+)/g)) found.push({ address: m[1], iface: m[2] })
  return found
}
