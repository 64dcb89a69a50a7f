/** Browser mode as a user starts it (the built server, a fresh process) and Chromium to look at it. */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
}

export interface RunningServer {
  /** The token URL the server printed. */
  url: string
  /** Milliseconds from spawn to the printed address. */
  urlMs: number
  pid: number
  stop(): void
  /** Stops it and resolves once the process has exited (its port is free again). */
  stopped(): Promise<void>
}

export async function startServer(dockerHost: string, extraEnv: Record<string, string> = {}, port = 0): Promise<RunningServer> {
  const started = performance.now()
  const server = spawn(
    process.execPath,
    [
      ...(process.env.WHARF_BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
      join(__dirname, '../out/main/server.js'),
      '--port',
      String(port),
      '--token',
      'bench-token-000000',
    ],
    {
      // Its own settings folder: engines a bench adds never reach the user's Wharf.
      env: { ...process.env, DOCKER_HOST: dockerHost, WHARF_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'wharf-bench-config-')), ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      server.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Wharf is running at (\S+)/.exec(out)
        if (m) resolve(m[1])
      })
      server.once('exit', (code) => reject(new Error(`server exited ${String(code)}`)))
    })
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
    return {
      url,
      urlMs: performance.now() - started,
      pid: server.pid ?? 0,
      stop: () => server.kill('SIGTERM'),
      stopped: () => (server.kill('SIGTERM'), exited),
    }
  } catch (err) {
    server.kill('SIGTERM')
    throw err
  }
}

/**
 * Opens the token URL as a user does, waits until the app has traded it for its session
 * (the landing page replaces itself with '/') and shown its start page, then goes to
 * `route` (e.g. `/e/local/containers/web?tab=logs`).
 */
export async function openApp(page: Page, tokenUrl: string, route?: string): Promise<void> {
  await page.goto(tokenUrl, { waitUntil: 'commit' })
  // The start address then moves to the default engine's list once the engines are known;
  // a route taken before that would be replaced by it.
  await page.waitForURL((at) => !at.searchParams.has('token') && at.hash.startsWith('#/e/'))
  if (route) await page.goto(`${new URL(tokenUrl).origin}/#${route}`)
}
