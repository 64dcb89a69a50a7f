import { describe, expect, it } from 'vitest'
import { stackDeployInput } from './schemas'
import { stackDeployArgs, stackDeployCommand } from './stackCommand'

describe('docker stack deploy', () => {
  it('builds the argument array main runs, and the command line the dialog shows', () => {
    const input = { name: 'shop', file: '/srv/my app/stack.yml', prune: true, resolveImage: 'never' as const }
    expect(stackDeployArgs(input)).toEqual([
      'stack',
      'deploy',
      '-c',
      '/srv/my app/stack.yml',
      '--prune',
      '--resolve-image',
      'never',
      'shop',
    ])
    expect(stackDeployCommand(input)).toBe(`docker stack deploy -c '/srv/my app/stack.yml' --prune --resolve-image never shop`)
    expect(stackDeployCommand({ ...input, name: '', file: '', prune: false })).toBe(
      'docker stack deploy -c FILE --resolve-image never NAME',
    )
  })

  it('takes stack names as docker stack does: lowercase letters, digits, _ and -, from a letter or digit', () => {
    const ok = (name: string) => stackDeployInput.safeParse({ name, file: '/a/b.yml', prune: false, resolveImage: 'always' }).success
    expect(['shop', 'web_2', '9lives', 'a-b'].map(ok)).toEqual([true, true, true, true])
    expect(['Shop', '-x', '_x', 'a b', 'a.b', '', 'x'.repeat(64)].map(ok)).toEqual(Array(7).fill(false))
  })
})
