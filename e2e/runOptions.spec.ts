import { expect, test } from './support/app'
import { DetailPage } from './pages/DetailPage'
import { RunPage } from './pages/RunPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
const registry = process.env.WHARF_TEST_REGISTRY
const pushed: string[] = []
test.afterAll(async () => {
  await cleanup(docker)
  for (const ref of pushed)
    await docker
      .getImage(ref)
      .remove()
      .catch(() => undefined)
})

test(
  'health check, ulimits, capabilities, logging and init: filled in the form, shown in the twin, given to the container',
  { tag: '@desktop' },
  async ({ page }) => {
    // Fourteen fields and a container start: more than the default minute on a loaded CI host.
    test.slow()
    const name = uniqueName('opts')
    const run = new RunPage(page)
    await run.open()
    await run.field('Image').fill(TEST_IMAGE)
    await run.field('Container name').fill(name)
    await run.field('Command').fill('sleep 300')
    await run.field('Labels').fill(`wharf.test=${runLabel}`)
    await run.field('Health command').fill('test -d /proc || exit 1')
    await run.field('Interval').fill('5s')
    await run.field('Retries').fill('2')
    await run.field('Ulimits').fill('nofile=1024:2048')
    await run.field('Add capabilities').fill('NET_ADMIN')
    await run.field('Drop capabilities').fill('MKNOD')
    await run.field('Log driver').fill('json-file')
    await run.field('Log options').fill('max-size=5m')
    await page.getByRole('checkbox', { name: /\(--init\)/ }).check()
    await expect(run.twin()).toHaveText(
      `docker run -d --name ${name} -l wharf.test=${runLabel} --init --health-cmd 'test -d /proc || exit 1' --health-interval 5s --health-retries 2 --ulimit nofile=1024:2048 --cap-add NET_ADMIN --cap-drop MKNOD --log-driver json-file --log-opt max-size=5m ${TEST_IMAGE} sleep 300`,
    )
    // The twin breaks only between arguments: every word sits on one line.
    await page.setViewportSize({ width: 1000, height: 700 })
    const brokenWords = await run
      .twin()
      .evaluate((el) => [...el.querySelectorAll('span')].filter((s) => s.getClientRects().length > 1).length)
    expect(brokenWords).toBe(0)
    await page.setViewportSize({ width: 1440, height: 900 })

    // A bad value is pointed at before anything is sent.
    await run.field('Timeout').fill('3')
    await expect(page.getByText('A duration such as 30s, 1m30s or 500ms')).toBeVisible()
    await run.field('Timeout').fill('')

    await page.getByRole('button', { name: 'Create and start' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    const detail = new DetailPage(page)
    await expect(detail.header().getByText('running', { exact: true })).toBeVisible()
    const info = await docker.getContainer(name).inspect()
    expect(info.Config.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'test -d /proc || exit 1'], Interval: 5e9, Retries: 2 })
    expect(info.HostConfig.Ulimits).toEqual([{ Name: 'nofile', Soft: 1024, Hard: 2048 }])
    expect(info.HostConfig.CapAdd).toEqual(['CAP_NET_ADMIN'])
    expect(info.HostConfig.CapDrop).toEqual(['CAP_MKNOD'])
    expect(info.HostConfig.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '5m' } })
    expect(info.HostConfig.Init).toBe(true)
  },
)

test('a pasted line with --health-cmd, --ulimit, --cap-add, --device and --init fills the form; nothing is listed as unsupported', async ({
  page,
}) => {
  const run = new RunPage(page)
  await run.open()
  await run.paste(
    `docker run -d --health-cmd "curl -f http://localhost/" --health-timeout 3s --no-healthcheck --ulimit nproc=64 --ulimit core=0 --cap-add SYS_PTRACE --device /dev/fuse --log-opt max-file=2 --init nginx:1.27`,
  )
  await expect(page.getByText('These parts of the command were not used')).toHaveCount(0)
  await expect(run.field('Health command')).toHaveValue('curl -f http://localhost/')
  await expect(run.field('Timeout')).toHaveValue('3s')
  await expect(page.getByRole('checkbox', { name: /--no-healthcheck/ })).toBeChecked()
  await expect(run.field('Ulimits')).toHaveValue('nproc=64\ncore=0')
  await expect(run.field('Add capabilities')).toHaveValue('SYS_PTRACE')
  await expect(run.field('Devices')).toHaveValue('/dev/fuse')
  await expect(run.field('Log options')).toHaveValue('max-file=2')
  await expect(page.getByRole('checkbox', { name: /\(--init\)/ })).toBeChecked()
  // --no-healthcheck with a health command is what the engine refuses: said at the field.
  await expect(page.getByText('Turning the health check off cannot be combined with health check settings')).toBeVisible()
  await expect(run.twin()).toHaveText(
    `docker run -d --init --no-healthcheck --health-cmd 'curl -f http://localhost/' --health-timeout 3s --ulimit nproc=64 --ulimit core=0 --cap-add SYS_PTRACE --device /dev/fuse --log-opt max-file=2 nginx:1.27`,
  )
})

test('an image missing on the engine is suggested from the registry, pulled as a task, then run', async ({ page }) => {
  test.skip(!registry, 'WHARF_TEST_REGISTRY names the test registry')
  // A push to the registry and a pull back: more than the default minute on a loaded CI host.
  test.slow()
  // An image only the registry has: push a copy of the test image, then drop it locally.
  const repo = `wharf-e2e/${uniqueName('pullfirst')}`
  const ref = `${registry}/${repo}:1`
  await docker.getImage(TEST_IMAGE).tag({ repo: `${registry}/${repo}`, tag: '1' })
  const push = await docker.getImage(ref).push({ authconfig: { serveraddress: registry! } })
  await new Promise((resolve, reject) => docker.modem.followProgress(push, (err) => (err ? reject(err) : resolve(undefined))))
  await docker.getImage(ref).remove()
  pushed.push(ref)

  const name = uniqueName('pulled')
  const run = new RunPage(page)
  await run.open()
  await run.field('Image').fill(`${registry}/${repo.slice(0, -2)}`)
  await expect(page.locator('#run-images option', { hasText: `Found in ${registry}` }).first()).toBeAttached()
  await expect(page.locator(`#run-images option[value="${registry}/${repo}"]`)).toBeAttached()
  await run.field('Image').fill(ref)
  await expect(page.getByText('This engine has no such image yet: it is pulled first')).toBeVisible()
  await run.field('Container name').fill(name)
  await run.field('Command').fill('sleep 300')
  await run.field('Labels').fill(`wharf.test=${runLabel}`)
  await page.getByRole('button', { name: 'Create and start' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 60_000 })
  expect((await docker.getContainer(name).inspect()).Config.Image).toBe(ref)
})

test('Docker Hub search that cannot be reached is said, and local images are still suggested', async ({ page }) => {
  const run = new RunPage(page)
  await run.open()
  await run.field('Image').fill('wharf-test/busy')
  await expect(page.locator(`#run-images option[value="${TEST_IMAGE}"]`)).toBeAttached()
  // The test machines have no internet: the engine's own reason is shown, nothing breaks.
  const said = page.getByText(/^Could not search Docker Hub: /)
  await expect(said).toBeVisible()
  await expect(said).toHaveAttribute('title', /index\.docker\.io/)
})
