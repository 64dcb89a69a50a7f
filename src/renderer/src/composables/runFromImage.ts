/**
 * "Run" on an image: the run form opens filled from the image's config, so what a
 * container would start with is visible and editable — command, working directory,
 * environment, exposed ports (published on a random host port; remove a row to keep it
 * private) and declared volumes (as anonymous volumes, what the engine does anyway).
 * The entrypoint stays the image's own (shown on the image page).
 */
import type { ImageDetail } from '@shared/images'
import { emptyRunSpec, PROTOCOLS, type Protocol, type RunSpec } from '@shared/run/spec'

export function specFromImage(reference: string, detail: ImageDetail): RunSpec {
  const spec = emptyRunSpec()
  spec.image = reference
  spec.command = [...detail.config.cmd]
  spec.workdir = detail.config.workdir
  spec.env = [...detail.config.env]
  spec.ports = detail.config.exposedPorts.map((port) => {
    const [number, proto = 'tcp'] = port.split('/')
    const protocol: Protocol = (PROTOCOLS as readonly string[]).includes(proto) ? (proto as Protocol) : 'tcp'
    return { hostIp: '', hostPort: '', containerPort: number, protocol }
  })
  spec.mounts = detail.config.volumes.map((target) => ({ type: 'volume', source: '', target, readOnly: false }))
  return spec
}
