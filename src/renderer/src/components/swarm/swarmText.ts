/** How swarm values read in tables: `8080→80/tcp`, host-mode ports marked. */
import type { ServicePort } from '@shared/swarm/types'

export function portText(p: ServicePort): string {
  const published = p.published > 0 ? `${p.published}→` : ''
  return `${published}${p.target}/${p.protocol}${p.mode === 'host' ? ' (host)' : ''}`
}
