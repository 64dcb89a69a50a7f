import { describe, expect, it } from 'vitest'
import { forbiddenSkips } from './skips.mjs'
import { requirements } from './prereqs.mjs'

const vitest = {
  testResults: [
    {
      name: '/repo/tests/integration/credentialHelper.test.ts',
      assertionResults: [
        { status: 'passed', title: 'runs', fullName: 'docker credential helpers runs' },
        { status: 'skipped', title: 'uses what the helper holds', ancestorTitles: ['docker credential helpers'] },
        { status: 'todo', title: 'later', fullName: 'later', ancestorTitles: [] },
      ],
    },
    {
      // Packing the real Electron needs its zip, which cannot be downloaded everywhere: allowed.
      name: '/repo/tests/packaging/pack.test.ts',
      assertionResults: [
        { status: 'skipped', title: 'makes a runnable app', ancestorTitles: ['electron-builder --linux dir with the real Electron'] },
        { status: 'skipped', title: 'packs app.asar', ancestorTitles: ['electron-builder --linux dir with a stand-in Electron binary'] },
      ],
    },
  ],
}

const playwright = {
  suites: [
    {
      specs: [],
      suites: [
        {
          specs: [
            { title: 'opens the window', file: 'electron.spec.ts', tests: [{ projectName: 'electron', status: 'skipped' }] },
            { title: 'pull from the registry', file: 'images.spec.ts', tests: [{ projectName: 'browser', status: 'skipped' }] },
            { title: 'lists images', file: 'images.spec.ts', tests: [{ projectName: 'browser', status: 'expected' }] },
          ],
        },
      ],
    },
  ],
}

describe('npm test refuses skipped tests', () => {
  it('names every skipped vitest and Playwright test but the Electron project’s', () => {
    expect(forbiddenSkips(vitest, playwright, '/repo')).toEqual([
      'vitest: tests/integration/credentialHelper.test.ts > docker credential helpers > uses what the helper holds',
      'vitest: tests/integration/credentialHelper.test.ts > later',
      'vitest: tests/packaging/pack.test.ts > electron-builder --linux dir with a stand-in Electron binary > packs app.asar',
      'playwright [browser]: images.spec.ts > pull from the registry',
    ])
  })

  it('allows nothing when the reports are clean, and reads a missing report as empty', () => {
    expect(forbiddenSkips({ testResults: [] }, null, '/repo')).toEqual([])
  })

  it('installs what the credential-helper tests look for', () => {
    const checked = new Map(requirements)
    for (const path of ['/usr/bin/docker-credential-pass', '/usr/bin/pass', '/usr/bin/gpg', '/usr/bin/gpg-agent'])
      expect(checked.get(path), path).toBeTruthy()
  })
})
