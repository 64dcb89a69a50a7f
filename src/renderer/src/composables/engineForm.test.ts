import { describe, expect, it } from 'vitest'
import { checkEngineForm, emptyEngineForm } from './engineForm'

describe('the Add engine form', () => {
  it('makes an SSH engine with the default port and the agent when no key file is given', () => {
    const form = { ...emptyEngineForm(), name: 'Build server', kind: 'ssh' as const, user: 'deploy', host: 'build.example.com' }
    expect(checkEngineForm(form)).toEqual({
      input: { name: 'Build server', endpoint: { kind: 'ssh', user: 'deploy', host: 'build.example.com', port: 22 } },
      errors: {},
    })
  })

  it('names the fields that are wrong, in the schema words', () => {
    const form = { ...emptyEngineForm(), kind: 'ssh' as const, host: 'bad host!', port: '70000' }
    const { input, errors } = checkEngineForm(form)
    expect(input).toBeUndefined()
    expect(Object.keys(errors).sort()).toEqual(['host', 'name', 'port', 'user'])
  })

  it('needs a CA for TLS, and a key with a client certificate', () => {
    const form = {
      ...emptyEngineForm(),
      name: 'tls',
      kind: 'tls' as const,
      host: '127.0.0.1',
      cert: { from: 'file' as const, value: '/c.pem' },
    }
    const { errors } = checkEngineForm(form)
    expect(errors.ca).toBeDefined()
    expect(errors.key).toMatch(/needs its key/)
    const ok = checkEngineForm({ ...form, ca: { from: 'file', value: '/ca.pem' }, key: { from: 'file', value: '/k.pem' } })
    expect(ok.input?.endpoint).toEqual({
      kind: 'tls',
      host: '127.0.0.1',
      port: 2376,
      ca: { from: 'file', path: '/ca.pem' },
      cert: { from: 'file', path: '/c.pem' },
      key: { from: 'file', path: '/k.pem' },
    })
  })
})
