import { describe, expect, it } from 'vitest'
import { checkTerminalForm, emptyTerminalForm } from './terminalForm'

describe('the New terminal form', () => {
  it('opens the auto shell when only a container is chosen', () => {
    expect(checkTerminalForm(emptyTerminalForm('web'), 'local')).toEqual({
      spec: { kind: 'exec', engine: 'local', container: 'web' },
      issues: [],
    })
  })

  it('splits the command like a shell and passes user, workdir and env', () => {
    const form = {
      ...emptyTerminalForm('web'),
      command: `sh -c 'echo "a b"'`,
      user: ' 1000:1000 ',
      workdir: '/srv',
      env: 'A=1\n\n B=two words \n',
    }
    expect(checkTerminalForm(form, 'local').spec).toEqual({
      kind: 'exec',
      engine: 'local',
      container: 'web',
      command: ['sh', '-c', 'echo "a b"'],
      user: '1000:1000',
      workdir: '/srv',
      env: ['A=1', 'B=two words'],
    })
  })

  it('names every problem with its field', () => {
    const form = { ...emptyTerminalForm(''), command: `echo 'oops`, user: 'a b', workdir: 'relative', env: 'OK=1\nNOPE' }
    const { spec, issues } = checkTerminalForm(form, 'local')
    expect(spec).toBeUndefined()
    expect(issues.map((i) => i.field).sort()).toEqual(['command', 'container', 'env', 'user', 'workdir'])
    expect(issues.find((i) => i.field === 'env')).toEqual({ field: 'env', code: 'badEnv', line: 2 })
  })

  it('checks detach keys for attach', () => {
    const attach = { ...emptyTerminalForm('web'), mode: 'attach' as const }
    expect(checkTerminalForm(attach, 'local').spec).toEqual({
      kind: 'attach',
      engine: 'local',
      container: 'web',
      detachKeys: 'ctrl-p,ctrl-q',
    })
    const bad = checkTerminalForm({ ...attach, detachKeys: 'ctrl-pq' }, 'local')
    expect(bad.issues[0]).toMatchObject({ field: 'detachKeys', code: 'rule' })
  })
})
