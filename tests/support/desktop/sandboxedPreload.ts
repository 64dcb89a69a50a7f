/**
 * Runs a built preload the way Electron runs it in a sandboxed renderer: as the body of a
 * function whose `require` knows only `electron`, `events`, `timers` and `url` (any
 * other name throws "module not found", as Electron's does), with a small `process`,
 * in a context that has the JavaScript built-ins and a few web globals but none of
 * Node's (no `__dirname`, no `fs`). A preload that would fail in the desktop window
 * fails here.
 */
import * as events from 'node:events'
import { readFileSync } from 'node:fs'
import * as timers from 'node:timers'
import * as url from 'node:url'
import { createContext, runInContext } from 'node:vm'

/** What `require` in a sandboxed preload can load. */
export const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url'] as const

export function runSandboxedPreload(source: string, electron: object, filename = 'preload.js'): void {
  const modules = new Map<string, unknown>([
    ['electron', electron],
    ['events', events],
    ['node:events', events],
    ['timers', timers],
    ['node:timers', timers],
    ['url', url],
    ['node:url', url],
  ])
  const preloadRequire = (name: string): unknown => {
    if (modules.has(name)) return modules.get(name)
    throw new Error(`module not found: ${name}`)
  }
  const preloadProcess = Object.assign(new events.EventEmitter(), {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
    platform: process.platform,
    arch: process.arch,
    argv: [] as string[],
    env: {},
    versions: { ...process.versions, electron: 'harness' },
  })
  // The isolated world is a browser context: web timers and codecs, no Node globals.
  const context = createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
  })
  const wrapped = `(function (require, process, exports, module, Buffer, global, setImmediate, clearImmediate) {\n${source}\n})`
  const run = runInContext(wrapped, context, { filename }) as (...args: unknown[]) => void
  const exports = {}
  run(preloadRequire, preloadProcess, exports, { exports }, Buffer, context, setImmediate, clearImmediate)
}

export function runSandboxedPreloadFile(file: string, electron: object): void {
  runSandboxedPreload(readFileSync(file, 'utf8'), electron, file)
}
