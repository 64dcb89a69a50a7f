import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExecSession, type ExitReason } from '../../src/main/terminal/execSession'
import { startApi } from './support/app'
import { cleanup, createTestContainer, testDocker, waitFor } from './support/engine'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  ctx.services.dispose()
  await cleanup(docker)
})

function recorder() {
  const chunks: Buffer[] = []
  let exit: { reason: ExitReason; exitCode: number | null } | undefined
  return {
    sink: { data: (b: Buffer) => chunks.push(b), exit: (e: { reason: ExitReason; exitCode: number | null }) => (exit = e) },
    bytes: () => Buffer.concat(chunks),
    text: () => Buffer.concat(chunks).toString('utf8'),
    exit: () => exit,
  }
}

describe('ExecSession (docker exec -it over the hijacked stream)', () => {
  it('runs a shell: typed input comes back, the size follows resize, the exit code is reported', async () => {
    const c = await createTestContainer(docker, { start: true })
    const out = recorder()
    const session = await ExecSession.open(ctx.services.engine, { container: c.id, cols: 80, rows: 24 }, out.sink)
    session.write('echo hello-$((40+2))\n')
    await waitFor(() => out.text().includes('hello-42'), 'the echo')
    await session.resize(120, 40)
    session.write('stty size\n')
    await waitFor(() => out.text().includes('40 120'), 'stty size to show the new size')
    session.write('exit 3\n')
    await waitFor(() => out.exit(), 'the shell to exit')
    expect(out.exit()).toEqual({ reason: 'exited', exitCode: 3 })
  })

  it('passes bytes through untouched, including a multi-byte character', async () => {
    const c = await createTestContainer(docker, { start: true })
    const out = recorder()
    await ExecSession.open(
      ctx.services.engine,
      { container: c.id, command: ['printf', '\\342\\202\\254-done'], cols: 80, rows: 24 },
      out.sink,
    )
    await waitFor(() => out.exit(), 'printf to finish')
    expect(out.bytes().includes(Buffer.from('€-done'))).toBe(true)
    expect(out.exit()?.exitCode).toBe(0)
  })

  it('ends cleanly when the container stops under it, and refuses a stopped container', async () => {
    const c = await createTestContainer(docker, { start: true })
    const out = recorder()
    await ExecSession.open(ctx.services.engine, { container: c.id, cols: 80, rows: 24 }, out.sink)
    await c.kill()
    await waitFor(() => out.exit(), 'the session to end')
    expect(['container-stopped', 'exited']).toContain(out.exit()?.reason)
    const refused: unknown = await ExecSession.open(ctx.services.engine, { container: c.id, cols: 80, rows: 24 }, recorder().sink).catch(
      (e: unknown) => e,
    )
    expect(refused).toMatchObject({ code: 'conflict' })
    expect((refused as Error).message).toContain('is not running')
  })
})
