import { describe, expect, it } from 'vitest'
import { parseServiceMount, parseServicePort } from './formValues'

describe('parseServicePort', () => {
  it('reads the short and the long --publish forms', () => {
    expect(parseServicePort('8080:80')).toEqual({ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' })
    expect(parseServicePort('53:53/udp')).toEqual({ published: 53, target: 53, protocol: 'udp', mode: 'ingress' })
    expect(parseServicePort('80')).toEqual({ published: 0, target: 80, protocol: 'tcp', mode: 'ingress' })
    expect(parseServicePort('published=8443,target=443,mode=host')).toEqual({ published: 8443, target: 443, protocol: 'tcp', mode: 'host' })
  })

  it('refuses what the CLI would refuse', () => {
    for (const bad of ['80:80/icmp', 'target=0', 'published=8080', 'mode=bridge,target=80', '70000:80'])
      expect(parseServicePort(bad)).toBeUndefined()
  })
})

describe('parseServiceMount', () => {
  it('reads --mount', () => {
    expect(parseServiceMount('type=volume,source=data,target=/data,readonly')).toEqual({
      type: 'volume',
      source: 'data',
      target: '/data',
      readOnly: true,
    })
    expect(parseServiceMount('source=data')).toBeUndefined()
  })
})
