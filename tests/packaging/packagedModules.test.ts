import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageClosure, requiredPackages, unneededModuleExcludes, type Lockfile } from '../../build/packagedModules'

const lock: Lockfile = {
  packages: {
    '': { dependencies: { server: '1', ui: '1' } },
    'node_modules/server': { dependencies: { shared: '^2', '@scope/helper': '1' }, optionalDependencies: { fast: '1' } },
    'node_modules/server/node_modules/shared': {},
    'node_modules/@scope/helper': { peerDependencies: { absent: '1' } },
    'node_modules/ui': { dependencies: { shared: '^1', styles: '1' } },
    'node_modules/shared': {},
    'node_modules/styles': { dependencies: { util: '1' } },
    'node_modules/styles/node_modules/util': {},
    'node_modules/typescript': { dev: true },
  },
}

describe('packaged modules', () => {
  it('finds the packages built bundles require, without Node built-ins or Electron', () => {
    const bundle = `const a = require("dockerode"); const b = require('@balena/dockerignore/lib/x');
      const fs = require("node:fs"); const p = require("path"); const e = require("electron");
      const pty = await import("node-pty"); const local = require("./chunks/x.js")`
    expect(requiredPackages([bundle])).toEqual(['@balena/dockerignore', 'dockerode', 'node-pty'])
  })

  it('follows dependencies as Node resolves them: nested copies first, absent optional and peer ones skipped', () => {
    expect([...packageClosure(lock, ['server'])].sort()).toEqual([
      'node_modules/@scope/helper',
      'node_modules/server',
      'node_modules/server/node_modules/shared',
    ])
  })

  it('excludes by name what only the other roots need, and never a name needed somewhere', () => {
    expect(unneededModuleExcludes(lock, ['server'])).toEqual([
      '!**/node_modules/styles{,/**}',
      '!**/node_modules/ui{,/**}',
      '!**/node_modules/util{,/**}',
    ])
  })

  it('refuses a required package the lock file does not have', () => {
    expect(() => packageClosure(lock, ['nowhere'])).toThrow(/nowhere/)
  })

  it('on Wharf’s own lock file: main’s packages stay with all they load, the renderer’s go', () => {
    const wharf = JSON.parse(readFileSync(join(__dirname, '../../package-lock.json'), 'utf8')) as Lockfile
    const excludes = unneededModuleExcludes(wharf, ['@balena/dockerignore', 'dockerode', 'node-pty', 'tar-fs', 'tar-stream', 'ws', 'zod'])
    for (const gone of ['naive-ui', 'vue', '@xterm/xterm', 'uplot', 'pinia']) expect(excludes).toContain(`!**/node_modules/${gone}{,/**}`)
    for (const kept of ['dockerode', 'docker-modem', 'ssh2', 'node-pty', 'ws', 'readable-stream'])
      expect(excludes).not.toContain(`!**/node_modules/${kept}{,/**}`)
  })
})
