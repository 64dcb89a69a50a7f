import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TaskInfo } from '../../src/shared/tasks'
import type { ImageSummary } from '../../src/shared/types'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, testDocker, waitFor } from './support/engine'
import { collect } from './support/streams'

const docker = testDocker()
const open = process.env.WHARF_TEST_REGISTRY ?? ''
const auth = process.env.WHARF_TEST_REGISTRY_AUTH ?? ''
const user = process.env.WHARF_TEST_REGISTRY_USER ?? ''
const password = process.env.WHARF_TEST_REGISTRY_PASSWORD ?? ''
const refs: string[] = []
let ctx: Awaited<ReturnType<typeof startApi>>

if (!open) console.log('SKIPPED registry tests: no test registry (npm test and `npm run engines -- start` set WHARF_TEST_REGISTRY)')

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const ref of refs)
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined)
})

/** A local image with a layer of `bytes` random bytes, tagged `ref`. */
async function localImage(ref: string, bytes = 4096): Promise<string> {
  const c = await createTestContainer(docker, { cmd: ['sh', '-c', `head -c ${bytes} /dev/urandom > /payload`] })
  await c.start()
  await c.wait()
  const at = ref.lastIndexOf(':')
  const { Id } = (await c.commit({ repo: ref.slice(0, at), tag: ref.slice(at + 1) })) as { Id: string }
  await c.remove()
  refs.push(ref)
  return Id
}

async function finished(id: number): Promise<TaskInfo> {
  return waitFor(
    async () => (await ok<TaskInfo[]>(ctx.api, 'tasks.list')).find((t) => t.id === id && t.state !== 'running'),
    `task ${id} to end`,
    30_000,
  )
}

describe.runIf(open)('pull and push through a local registry', () => {
  it('pushes a local image with per-layer progress, then pulls it back after removing it', async () => {
    const ref = `${open}/wharf-it/${runId}-app:v1`
    const id = await localImage(ref, 300_000)
    const progress = collect<TaskInfo>(ctx.api, 'tasks.changed', {})
    const push = await ok<TaskInfo>(ctx.api, 'images.push', { reference: ref })
    expect(push).toMatchObject({ kind: 'push', subject: ref, state: 'running' })
    const pushed = await finished(push.id)
    expect(pushed.state).toBe('done')
    expect(pushed.message).toMatch(/v1: digest: sha256:[0-9a-f]{64}/)
    expect(pushed.layers.length).toBeGreaterThanOrEqual(1)
    expect(pushed.layers.every((l) => /Pushed|Layer already exists|Mounted/.test(l.status))).toBe(true)

    await docker.getImage(ref).remove()
    await docker
      .getImage(id)
      .remove({ force: true })
      .catch(() => undefined)
    const pull = await ok<TaskInfo>(ctx.api, 'images.pull', { reference: `${open}/wharf-it/${runId}-app:v1` })
    const pulled = await finished(pull.id)
    expect(pulled.state).toBe('done')
    expect(pulled.message).toMatch(/Downloaded newer image|Image is up to date/)
    expect(pulled.layers.some((l) => l.status === 'Pull complete')).toBe(true)
    // Progress was reported while it ran, not only at the end.
    expect(progress.events.filter((t) => t.id === pull.id).length).toBeGreaterThanOrEqual(2)
    progress.close()
    const listed = (await ok<ImageSummary[]>(ctx.api, 'images.list')).find((i) => i.tags.includes(ref))
    expect(listed?.digests[0]).toMatch(new RegExp(`^${open.replace(/\./g, '\\.')}/wharf-it/${runId}-app@sha256:`))
  })

  it('pulls without a tag as :latest, and says when a tag is not there', async () => {
    const missing = await ok<TaskInfo>(ctx.api, 'images.pull', { reference: `${open}/wharf-it/${runId}-nothing` })
    expect(missing.subject).toBe(`${open}/wharf-it/${runId}-nothing:latest`)
    const ended = await finished(missing.id)
    expect(ended.state).toBe('failed')
    expect(ended.message).toMatch(/not found|manifest unknown/)
    const bad = await fails(ctx.api, 'images.pull', { reference: 'Not A Name' })
    expect(bad.fields?.reference).toMatch(/Not a valid image name/)
  })

  it("says in the engine's own words why a registry cannot be reached", async () => {
    // Port 9 (discard) has no registry behind it: dockerd answers the pull with a 500 and its reason.
    const task = await ok<TaskInfo>(ctx.api, 'images.pull', { reference: '127.0.0.1:9/wharf-it/nowhere:1' })
    const ended = await finished(task.id)
    expect(ended.state).toBe('failed')
    expect(ended.message).toMatch(/127\.0\.0\.1:9.*connection refused/)
    expect(ended.message).not.toMatch(/HTTP code|^server error$/)
  })

  it('cancels a pull', async () => {
    const ref = `${open}/wharf-it/${runId}-big:v1`
    await localImage(ref, 20_000_000)
    expect((await finished((await ok<TaskInfo>(ctx.api, 'images.push', { reference: ref })).id)).state).toBe('done')
    await docker.getImage(ref).remove({ force: true })
    const pull = await ok<TaskInfo>(ctx.api, 'images.pull', { reference: ref })
    await ok(ctx.api, 'tasks.cancel', { id: pull.id })
    const ended = await finished(pull.id)
    expect(ended.state).toBe('cancelled')
    await ok(ctx.api, 'tasks.dismiss', { id: pull.id })
    expect((await ok<TaskInfo[]>(ctx.api, 'tasks.list')).some((t) => t.id === pull.id)).toBe(false)
  })

  it('logs in to a registry with auth: a wrong password is refused in its words, the right one lets push through', async () => {
    const ref = `${auth}/wharf-it/${runId}-private:v1`
    await localImage(ref)
    const denied = await finished((await ok<TaskInfo>(ctx.api, 'images.push', { reference: ref })).id)
    expect(denied.state).toBe('failed')
    expect(denied.message).toMatch(/basic auth|unauthorized|authentication required/i)
    const wrong = await fails(ctx.api, 'registries.login', { server: auth, username: user, password: 'wrong-password' })
    expect(wrong.code).toBe('invalid_input')
    expect(wrong.fields?.password).toMatch(/unauthorized|incorrect|401/i)
    expect(await ok(ctx.api, 'registries.login', { server: auth, username: user, password })).toMatchObject({
      server: auth,
      username: user,
      store: 'memory',
    })
    expect(await ok(ctx.api, 'registries.list')).toEqual([{ server: auth, username: user, store: 'memory' }])
    const pushed = await finished((await ok<TaskInfo>(ctx.api, 'images.push', { reference: ref })).id)
    expect(pushed.state).toBe('done')
    await ok(ctx.api, 'registries.logout', { server: auth })
    expect(await ok(ctx.api, 'registries.list')).toEqual([])
  })
})
