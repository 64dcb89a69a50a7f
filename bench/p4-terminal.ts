/**
 * P4: an exec terminal under load and at rest.
 * - Throughput: `cat` of a 50 MB text file in a TTY exec, read raw over the hijacked
 *   stream by a bare dockerode client (the baseline) and through Wharf to the page
 *   (engine → main → WebSocket → xterm.js, until the page shows the marker printed
 *   after it), in the same run.
 * - Keystroke echo: from the keydown in the page to the echoed character in the
 *   terminal's DOM (so it includes the frame xterm waits for to paint), beside the raw
 *   round trip of one byte over the hijacked stream.
 */
import type Dockerode from 'dockerode'
import type { Duplex } from 'node:stream'
import { launchChromium, openApp, startServer } from './browserServer'
import { median, percentile } from './support'

const FILE_BYTES = 50 * 1024 * 1024
const MARK_CMD = 'echo __P4_$((40+2))_DONE__'
const MARK = '__P4_42_DONE__'

export interface P4Result {
  bytes: number
  rawMs: number
  wharfMs: number
  ratio: number
  echoP50: number
  echoP95: number
  rawEchoP50: number
  rawEchoP95: number
}

async function rawExec(container: Dockerode.Container, cmd: string[]): Promise<Duplex> {
  const exec = await container.exec({ Cmd: cmd, AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true })
  const stream = await exec.start({ hijack: true, stdin: true, Tty: true })
  await exec.resize({ h: 40, w: 160 }).catch(() => undefined)
  return stream
}

/** Time until `mark` has arrived on the stream (a 32-byte tail covers a mark split across chunks). */
function until(stream: Duplex, mark: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now()
  let tail = ''
  let bytes = 0
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length
      const text = tail + chunk.toString('latin1')
      if (text.includes(mark)) {
        stream.off('data', onData)
        resolve({ ms: performance.now() - started, bytes })
      } else tail = text.slice(-32)
    }
    stream.on('data', onData)
  })
}

async function rawCat(container: Dockerode.Container): Promise<{ ms: number; bytes: number }> {
  const stream = await rawExec(container, ['sh', '-c', `cat /tmp/big; ${MARK_CMD}`])
  const result = await until(stream, MARK)
  stream.destroy()
  return result
}

async function rawEcho(container: Dockerode.Container): Promise<number[]> {
  const stream = await rawExec(container, ['sh'])
  await new Promise((r) => setTimeout(r, 500))
  const times: number[] = []
  for (let i = 0; i < 60; i++) {
    const key = String.fromCharCode(97 + (i % 26))
    const echoed = until(stream, key)
    stream.write(key)
    times.push((await echoed).ms)
    await new Promise((r) => setTimeout(r, 20))
  }
  stream.destroy()
  return times.slice(10)
}

export async function benchTerminal(docker: Dockerode, dockerHost: string): Promise<P4Result> {
  const name = `wharf-p4-${Date.now().toString(36)}`
  const container = await docker.createContainer({
    Image: 'wharf-test/busybox:latest',
    name,
    Cmd: ['sleep', '3600'],
    Labels: { 'wharf.bench': '1' },
  })
  await container.start()
  const server = await startServer(dockerHost)
  const browser = await launchChromium()
  try {
    // 50 MB of base64 text in lines of 76: what a log or a dump looks like, not a run of one character.
    const make = await rawExec(container, ['sh', '-c', `head -c ${(FILE_BYTES / 4) * 3} /dev/urandom | base64 > /tmp/big; ${MARK_CMD}`])
    await until(make, MARK)
    make.destroy()

    const raws = [await rawCat(container)]
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await openApp(page, server.url, `/e/local/containers/${name}`)
    // Opened beside the container page, then popped out to the Terminal pane: the same
    // session at the window's full width, as the earlier runs measured it.
    await page.getByRole('button', { name: 'Open terminal' }).click()
    const panel = page.getByRole('complementary', { name: `Terminal in ${name}` })
    await panel.getByRole('button', { name: 'Start terminal' }).click()
    await panel.getByRole('region').locator('.xterm-rows').waitFor()
    await panel.getByRole('button', { name: 'Pop out to the Terminal pane' }).click()
    const rows = page.getByRole('tabpanel').getByRole('region').locator('.xterm-rows')
    await rows.getByText('#').first().waitFor()
    await page.getByRole('tabpanel').getByRole('region').click()

    const wharf: number[] = []
    for (let round = 0; round < 3; round++) {
      raws.push(await rawCat(container))
      await page.keyboard.type(`clear; cat /tmp/big; ${MARK_CMD}`)
      const started = performance.now()
      await page.keyboard.press('Enter')
      await page.waitForFunction(
        (mark) => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
          return doc.querySelector('.xterm-rows')?.textContent.includes(mark) ?? false
        },
        MARK,
        { timeout: 300_000, polling: 10 },
      )
      wharf.push(performance.now() - started)
    }

    await page.keyboard.type('clear')
    await page.keyboard.press('Enter')
    // Keys typed before the shell has redrawn its prompt would be swallowed by the redraw.
    await page.waitForFunction(
      (mark) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
        const text = doc.querySelector('.xterm-rows')?.textContent ?? mark
        return !text.includes(mark) && !text.includes('clear') && text.includes('#')
      },
      MARK,
      { timeout: 30_000 },
    )
    await page.waitForTimeout(300)
    await page.evaluate(`(() => {
      const rows = document.querySelector('.xterm-rows')
      window.__echo = []
      window.__typed = ''
      document.addEventListener('keydown', (e) => {
        if (e.key.length !== 1) return
        window.__typed += e.key
        window.__t0 = performance.now()
      }, true)
      new MutationObserver(() => {
        if (window.__t0 !== undefined && rows.textContent.includes(window.__typed)) {
          window.__echo.push(performance.now() - window.__t0)
          window.__t0 = undefined
        }
      }).observe(rows, { childList: true, subtree: true, characterData: true })
    })()`)
    for (let i = 0; i < 60; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)))
      await page.waitForTimeout(40)
    }
    const echo = (await page.evaluate<number[]>('window.__echo')).slice(10)
    if (echo.length < 20) throw new Error(`P4: only ${echo.length} echoes were seen in the page`)
    const rawEchoTimes = await rawEcho(container)

    const rawMs = median(raws.slice(1).map((r) => r.ms))
    const wharfMs = median(wharf)
    return {
      bytes: raws[0].bytes,
      rawMs,
      wharfMs,
      ratio: rawMs / wharfMs,
      echoP50: median(echo),
      echoP95: percentile(echo, 95),
      rawEchoP50: median(rawEchoTimes),
      rawEchoP95: percentile(rawEchoTimes, 95),
    }
  } finally {
    await browser.close()
    server.stop()
    await container.remove({ force: true }).catch(() => undefined)
  }
}
