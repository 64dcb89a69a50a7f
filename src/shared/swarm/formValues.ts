/**
 * The service form's text fields read the way `docker service create` reads its flags:
 * `--publish 8080:80/udp` or `published=8080,target=80,mode=host`, `--mount type=…,…`.
 * Each returns undefined for text it cannot read, so the form can say which line.
 */
import { parseMountFlag } from '../run/cliValues'
import type { ServicePort } from './types'

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp'])

export function parseServicePort(text: string): ServicePort | undefined {
  const line = text.trim()
  const valid = (n: number, min: number): boolean => Number.isInteger(n) && n >= min && n <= 65535
  const short = /^(?:(\d{1,5}):)?(\d{1,5})(?:\/(\w+))?$/.exec(line)
  if (short) {
    const protocol = (short[3] ?? 'tcp').toLowerCase()
    const port: ServicePort = {
      published: Number(short[1] ?? 0),
      target: Number(short[2]),
      protocol: protocol as ServicePort['protocol'],
      mode: 'ingress',
    }
    return PROTOCOLS.has(protocol) && valid(port.target, 1) && valid(port.published, 0) ? port : undefined
  }
  const port: ServicePort = { published: 0, target: 0, protocol: 'tcp', mode: 'ingress' }
  for (const field of line.split(',')) {
    const [key, value = ''] = field.split('=', 2).map((p) => p.trim())
    if (key === 'published') port.published = Number(value)
    else if (key === 'target') port.target = Number(value)
    else if (key === 'protocol' && PROTOCOLS.has(value)) port.protocol = value as ServicePort['protocol']
    else if (key === 'mode' && (value === 'ingress' || value === 'host')) port.mode = value
    else return undefined
  }
  return valid(port.target, 1) && valid(port.published, 0) ? port : undefined
}

export function parseServiceMount(
  text: string,
): { type: 'volume' | 'bind' | 'tmpfs'; source: string; target: string; readOnly: boolean } | undefined {
  return parseMountFlag(text.trim())
}

/** Non-empty trimmed lines. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}
