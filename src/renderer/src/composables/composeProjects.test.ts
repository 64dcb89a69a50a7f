import { describe, expect, it } from 'vitest'
import { uniquePorts } from './composeProjects'

describe('a service’s published ports', () => {
  it('shows a port published on IPv4 and IPv6 once, even when the engine chose two host ports', () => {
    const same = uniquePorts([
      { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' },
      { ip: '::', privatePort: 80, publicPort: 8080, type: 'tcp' },
    ])
    expect(same).toEqual([{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' }])
    const twoPorts = uniquePorts([
      { ip: '0.0.0.0', privatePort: 5000, publicPort: 32784, type: 'tcp' },
      { ip: '::', privatePort: 5000, publicPort: 32783, type: 'tcp' },
      { ip: '::', privatePort: 53, publicPort: 5353, type: 'udp' },
      { ip: '127.0.0.1', privatePort: 6379, publicPort: 6379, type: 'tcp' },
    ])
    expect(twoPorts.map((p) => `${p.ip}:${p.publicPort}->${p.privatePort}/${p.type}`)).toEqual([
      '0.0.0.0:32784->5000/tcp',
      ':::5353->53/udp',
      '127.0.0.1:6379->6379/tcp',
    ])
  })
})
