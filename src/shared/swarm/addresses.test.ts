import { describe, expect, it } from 'vitest'
import { addressChoices } from './addresses'

describe('addressChoices', () => {
  it('reads the addresses and interfaces from the engine’s refusal', () => {
    const message =
      'could not choose an IP address to advertise since this system has multiple addresses on different interfaces (10.77.0.2 on wswarm-host and 10.77.1.1 on wswarm-peer) - specify one with --advertise-addr'
    expect(addressChoices(message)).toEqual([
      { address: '10.77.0.2', iface: 'wswarm-host' },
      { address: '10.77.1.1', iface: 'wswarm-peer' },
    ])
  })

  it('finds none in any other message', () => {
    expect(
      addressChoices('This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.'),
    ).toEqual([])
  })
})
