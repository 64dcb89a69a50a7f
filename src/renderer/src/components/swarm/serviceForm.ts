/**
 * The service form's state as text fields, and the spec it makes: what the dialog edits,
 * what main validates, and what the `docker service create` twin is written from.
 */
import { splitShellWords } from '@shared/run/shellWords'
import { lines, parseServiceMount, parseServicePort } from '@shared/swarm/formValues'
import { serviceSpecInput, type ServiceSpecInput } from '@shared/swarm/schemas'

export interface ServiceForm {
  name: string
  image: string
  mode: 'replicated' | 'global'
  replicas: string
  command: string
  env: string
  ports: string
  mounts: string
  networks: string
  constraints: string
  secrets: string[]
  labels: string
  cpus: string
  memoryMb: string
  parallelism: string
  updateDelay: string
  failureAction: 'pause' | 'continue' | 'rollback'
  order: 'stop-first' | 'start-first'
  restartCondition: 'none' | 'on-failure' | 'any'
  restartAttempts: string
  restartDelay: string
}

export function emptyServiceForm(): ServiceForm {
  return {
    name: '',
    image: '',
    mode: 'replicated',
    replicas: '1',
    command: '',
    env: '',
    ports: '',
    mounts: '',
    networks: '',
    constraints: '',
    secrets: [],
    labels: '',
    cpus: '',
    memoryMb: '',
    parallelism: '1',
    updateDelay: '0',
    failureAction: 'pause',
    order: 'stop-first',
    restartCondition: 'any',
    restartAttempts: '0',
    restartDelay: '5',
  }
}

/** The spec, and the form's own issues (lines it could not read) by field. */
export function serviceSpecOf(form: ServiceForm): { spec: ServiceSpecInput; issues: Record<string, string[]> } {
  const issues: Record<string, string[]> = {}
  const unreadable = (key: string, line: string): void => void (issues[key] ??= []).push(line)
  const number = (text: string, key: string): number => {
    const n = text.trim() === '' ? 0 : Number(text)
    if (!Number.isFinite(n)) unreadable(key, text)
    return Number.isFinite(n) ? n : 0
  }
  const ports = lines(form.ports).flatMap((l) => {
    const p = parseServicePort(l)
    if (!p) unreadable('ports', l)
    return p ? [p] : []
  })
  const mounts = lines(form.mounts).flatMap((l) => {
    const m = parseServiceMount(l)
    if (!m) unreadable('mounts', l)
    return m ? [m] : []
  })
  const command = splitShellWords(form.command)
  if (command.unterminated || command.operators.length) unreadable('command', form.command)
  const spec: ServiceSpecInput = {
    name: form.name.trim(),
    image: form.image.trim(),
    mode: form.mode,
    replicas: number(form.replicas, 'replicas'),
    command: command.words,
    env: lines(form.env),
    ports,
    mounts,
    networks: form.networks
      .split(/[\s,]+/)
      .map((n) => n.trim())
      .filter(Boolean),
    constraints: lines(form.constraints),
    secrets: form.secrets,
    labels: lines(form.labels),
    limits: { cpus: number(form.cpus, 'cpus'), memoryMb: number(form.memoryMb, 'memoryMb') },
    update: {
      parallelism: number(form.parallelism, 'parallelism'),
      delaySeconds: number(form.updateDelay, 'updateDelay'),
      failureAction: form.failureAction,
      order: form.order,
    },
    restart: {
      condition: form.restartCondition,
      maxAttempts: number(form.restartAttempts, 'restartAttempts'),
      delaySeconds: number(form.restartDelay, 'restartDelay'),
    },
  }
  return { spec, issues }
}

/** The schema's issues by the form field they belong to. */
export function schemaIssues(spec: ServiceSpecInput): Record<string, string[]> {
  const parsed = serviceSpecInput.safeParse(spec)
  const out: Record<string, string[]> = {}
  const fieldOf: Record<string, string> = { limits: 'resources', update: 'update', restart: 'restart' }
  if (!parsed.success) for (const i of parsed.error.issues) (out[fieldOf[String(i.path[0])] ?? String(i.path[0])] ??= []).push(i.message)
  return out
}
