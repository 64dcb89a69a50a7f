/** Runs a short command in a container (no TTY) and collects what it prints. */
import type Dockerode from 'dockerode'
import { WharfError } from '../../shared/errors'
import { FrameDemuxer } from '../engine/logs/demux'
import { toWharfError } from '../engine/engineError'
import { waitForExecExit } from '../engine/execExit'

export interface ExecResult {
  stdout: Buffer
  stderr: string
  exitCode: number
}

const MAX_STDOUT = 64 * 1024 * 1024

export async function execCapture(docker: Dockerode, container: string, cmd: string[], timeoutMs = 60_000): Promise<ExecResult> {
  try {
    const exec = await docker.getContainer(container).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, User: '0' })
    const stream = await exec.start({ hijack: true, stdin: false })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let size = 0
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stream.destroy()
        reject(new WharfError({ code: 'engine_error', message: `${cmd[0]} took longer than ${timeoutMs / 1000} s` }))
      }, timeoutMs)
      const demuxer = new FrameDemuxer((type, payload) => {
        if (type === 2) err.push(Buffer.from(payload))
        else if ((size += payload.length) <= MAX_STDOUT) out.push(Buffer.from(payload))
      })
      stream.on('data', (chunk: Buffer) => demuxer.push(chunk))
      stream.on('end', () => {
        clearTimeout(timer)
        resolve()
      })
      stream.on('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
    })
    const info = await waitForExecExit(exec, timeoutMs)
    return { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim(), exitCode: info.ExitCode ?? -1 }
  } catch (err) {
    throw err instanceof WharfError ? err : toWharfError(err)
  }
}
