/**
 * The Add engine form: its model, and the engine input it makes, checked with the same
 * schema main applies (so a mistake shows beside its field before anything is sent).
 */
import { engineInput, type EngineEndpoint, type EngineInput } from '@shared/engineSchemas'

export type EngineKind = 'unix' | 'tcp' | 'tls' | 'ssh'
export interface PemModel {
  from: 'file' | 'text'
  value: string
}

export interface EngineFormModel {
  name: string
  kind: EngineKind
  path: string
  host: string
  port: string
  insecureConfirmed: boolean
  ca: PemModel
  cert: PemModel
  key: PemModel
  user: string
  identityFile: string
  passphrase: string
}

export function emptyEngineForm(): EngineFormModel {
  const pem = (): PemModel => ({ from: 'file', value: '' })
  return {
    name: '',
    kind: 'ssh',
    path: '',
    host: '',
    port: '',
    insecureConfirmed: false,
    ca: pem(),
    cert: pem(),
    key: pem(),
    user: '',
    identityFile: '',
    passphrase: '',
  }
}

/** The form filled from an engine's address (a docker context's), to check and add. */
export function formFromEndpoint(name: string, endpoint: EngineEndpoint): EngineFormModel {
  const form = { ...emptyEngineForm(), name, kind: endpoint.kind }
  const pemModel = (source?: { from: 'file'; path: string } | { from: 'text'; pem: string } | { from: 'kept' }): PemModel =>
    !source || source.from === 'kept'
      ? { from: 'file', value: '' }
      : { from: source.from, value: source.from === 'file' ? source.path : source.pem }
  switch (endpoint.kind) {
    case 'unix':
      return { ...form, path: endpoint.path }
    case 'tcp':
      return { ...form, host: endpoint.host, port: String(endpoint.port) }
    case 'tls':
      return {
        ...form,
        host: endpoint.host,
        port: String(endpoint.port),
        ca: pemModel(endpoint.ca),
        cert: pemModel(endpoint.cert),
        key: pemModel(endpoint.key),
      }
    case 'ssh':
      return { ...form, user: endpoint.user, host: endpoint.host, port: String(endpoint.port), identityFile: endpoint.identityFile ?? '' }
  }
}

export const DEFAULT_PORTS: Record<EngineKind, number> = { unix: 0, tcp: 2375, tls: 2376, ssh: 22 }

function pem(model: PemModel) {
  const value = model.value.trim()
  if (!value) return undefined
  return model.from === 'file' ? { from: 'file' as const, path: value } : { from: 'text' as const, pem: value }
}

/** What the form says, as main takes it: before validation. */
export function engineDraft(form: EngineFormModel): unknown {
  const port = form.port.trim() ? Number(form.port.trim()) : DEFAULT_PORTS[form.kind]
  const host = form.host.trim()
  const endpoint = (() => {
    switch (form.kind) {
      case 'unix':
        return { kind: 'unix', path: form.path.trim() }
      case 'tcp':
        return { kind: 'tcp', host, port, insecureConfirmed: form.insecureConfirmed }
      case 'tls':
        return { kind: 'tls', host, port, ca: pem(form.ca) ?? { from: 'text', pem: '' }, cert: pem(form.cert), key: pem(form.key) }
      case 'ssh':
        return {
          kind: 'ssh',
          user: form.user.trim(),
          host,
          port,
          ...(form.identityFile.trim() ? { identityFile: form.identityFile.trim() } : {}),
        }
    }
  })()
  const keyed = endpoint.kind === 'ssh' || endpoint.kind === 'tls'
  return { name: form.name.trim(), endpoint, ...(keyed && form.passphrase ? { passphrase: form.passphrase } : {}) }
}

/** The checked input, or each field's problem in main's words (keyed like the form: name, host, ca…). */
export function checkEngineForm(form: EngineFormModel): { input?: EngineInput; errors: Record<string, string> } {
  const parsed = engineInput.safeParse(engineDraft(form))
  if (parsed.success) return { input: parsed.data, errors: {} }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path.at(issue.path[0] === 'endpoint' ? 1 : 0) ?? 'name')
    errors[field === 'path' && form.kind === 'tls' ? 'ca' : field] ??= issue.message
  }
  return { errors }
}
