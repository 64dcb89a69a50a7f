/** The `docker service create` command that does what the service form does: shown beside the form, to learn from or script. */
import { joinShellWords } from '../run/shellWords'
import type { ServiceSpecInput } from './schemas'

export function serviceCreateCommand(spec: ServiceSpecInput): string {
  const args: string[] = ['docker', 'service', 'create', '--name', spec.name || '<name>']
  if (spec.mode === 'global') args.push('--mode', 'global')
  else if (spec.replicas !== 1) args.push('--replicas', String(spec.replicas))
  for (const p of spec.ports) {
    const published = p.published > 0 ? `published=${p.published},` : ''
    const plain = p.mode === 'ingress' && p.protocol === 'tcp' && p.published > 0
    args.push('--publish', plain ? `${p.published}:${p.target}` : `${published}target=${p.target},protocol=${p.protocol},mode=${p.mode}`)
  }
  for (const e of spec.env) args.push('--env', e)
  for (const m of spec.mounts) {
    const source = m.type === 'tmpfs' ? '' : `,source=${m.source}`
    args.push('--mount', `type=${m.type}${source},target=${m.target}${m.readOnly ? ',readonly' : ''}`)
  }
  for (const n of spec.networks) args.push('--network', n)
  for (const c of spec.constraints) args.push('--constraint', c.replace(/\s+/g, ''))
  for (const s of spec.secrets) args.push('--secret', s)
  for (const l of spec.labels) args.push('--label', l)
  if (spec.limits.cpus > 0) args.push('--limit-cpu', String(spec.limits.cpus))
  if (spec.limits.memoryMb > 0) args.push('--limit-memory', `${spec.limits.memoryMb}M`)
  const u = spec.update
  if (u.parallelism !== 1) args.push('--update-parallelism', String(u.parallelism))
  if (u.delaySeconds > 0) args.push('--update-delay', `${u.delaySeconds}s`)
  if (u.failureAction !== 'pause') args.push('--update-failure-action', u.failureAction)
  if (u.order !== 'stop-first') args.push('--update-order', u.order)
  const r = spec.restart
  if (r.condition !== 'any') args.push('--restart-condition', r.condition)
  if (r.maxAttempts > 0) args.push('--restart-max-attempts', String(r.maxAttempts))
  if (r.delaySeconds !== 5) args.push('--restart-delay', `${r.delaySeconds}s`)
  args.push(spec.image || '<image>', ...spec.command)
  return joinShellWords(args)
}
