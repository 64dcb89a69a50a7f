/**
 * The end of an exec's output stream is not the end of its process: a detached or
 * non-attached start returns at once, and even an attached stream can close a moment
 * before the engine records the exit (ExitCode is null while `Running` is still true).
 * Whoever needs the command to have finished asks the engine until it says so.
 */
import type Dockerode from 'dockerode'
import { WharfError } from '../../shared/errors'

export type ExecState = Awaited<ReturnType<Dockerode.Exec['inspect']>>

/** Inspects `exec` until it is no longer running; rejects after `timeoutMs`. */
export async function waitForExecExit(exec: Dockerode.Exec, timeoutMs = 60_000): Promise<ExecState> {
  const deadline = Date.now() + timeoutMs
  // Most commands have ended by the first look; longer ones are asked less often.
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    const state = await exec.inspect()
    if (!state.Running) return state
    if (Date.now() + pause > deadline)
      throw new WharfError({ code: 'engine_error', message: `The command did not end within ${Math.round(timeoutMs / 1000)} s` })
    await new Promise((resolve) => setTimeout(resolve, pause))
  }
}
