/** How swarm values read in tables: `8080→80/tcp`, host-mode ports marked. */
import type { ServicePort } from '@shared/swarm/types'

export function portText(p: ServicePort): string {
  const published = p.published > 0 ? `${p.published}→` : ''
  return `${published}${p.target}/${p.protocol}${p.mode === 'host' ? ' (host)' : ''}`
}

/** Labels as `k=v, k2=v2`, or a dash when there are none. */
export function labelsText(labels: Record<string, string>): string {
  return (
    Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ') || '—'
  )
}
