import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface RunningServer {
  /** The printed address, with the token. */
  url: string
  stop(): Promise<void>
}

/** A browser-mode server of the test's own (the built out/main/server.js) on the test engine. */
export function startServer(args: string[]): Promise<RunningServer> {
  const child = spawn(process.execPath, [join(__dirname, '../../out/main/server.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`browser mode did not start:\n${output}`))
    }, 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Wharf is running at (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1], stop })
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with ${String(code)}:\n${output}`))
    })
  })
}
