import { expect, test } from './support/app'
import { createServer } from 'node:net'
import { ContainersPage } from './pages/ContainersPage'
import { DetailPage } from './pages/DetailPage'
import { RunPage } from './pages/RunPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
const volumes: string[] = []
test.afterAll(async () => {
  await cleanup(docker)
  for (const v of volumes)
    await docker
      .getVolume(v)
      .remove()
      .catch(() => undefined)
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

test(
  'run a web server from the form, then read its logs and changes and stop it from the lifecycle',
  { tag: '@desktop' },
  async ({ page }) => {
    const name = uniqueName('web')
    const volume = `${name}-data`
    volumes.push(volume)
    const port = await freePort()
    const run = new RunPage(page)
    await run.open()
    await run.field('Image').fill(TEST_IMAGE)
    await expect(page.getByText('This engine has no such image yet')).toHaveCount(0)
    await run.field('Container name').fill(name)
    await run.field('Command').fill(`sh -c 'echo "hello $GREETING"; exec httpd -f -v -p 80'`)
    await page.getByRole('button', { name: '+ Publish a port' }).click()
    await run.field('Host port 1').fill(String(port))
    await run.field('Container port 1').fill('80')
    await page.getByRole('button', { name: '+ Add a mount' }).click()
    await run.field('Mount source 1').fill(volume)
    await run.field('Mount path 1').fill('/data')
    await run.field('Environment variables').fill('GREETING=from-wharf')
    await run.field('Labels').fill(`wharf.test=${runLabel}`)
    await run.field('Restart policy').selectOption('on-failure')
    await run.field('Maximum retries').fill('3')
    await expect(run.twin()).toHaveText(
      `docker run -d --name ${name} -p ${port}:80 -v ${volume}:/data -e GREETING=from-wharf --restart on-failure:3 -l wharf.test=${runLabel} ${TEST_IMAGE} sh -c 'echo "hello $GREETING"; exec httpd -f -v -p 80'`,
    )
    await page.getByRole('button', { name: 'Create and start' }).click()

    const detail = new DetailPage(page)
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(detail.header().getByText('running', { exact: true })).toBeVisible()
    await expect(detail.logs()).toContainText('hello from-wharf')
    const served = await fetch(`http://127.0.0.1:${port}/`)
    expect([200, 404]).toContain(served.status)
    const info = await docker.getContainer(name).inspect()
    expect(info.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 })
    expect(info.Mounts.find((m) => m.Destination === '/data')).toMatchObject({ Type: 'volume', Name: volume })

    // Attached, so the stream ends when the command does (unattached, start returns at once).
    const exec = await docker.getContainer(name).exec({
      Cmd: ['sh', '-c', 'mkdir -p /srv/out && echo wharf > /srv/out/e2e-marker.txt'],
      AttachStdout: true,
      AttachStderr: true,
    })
    const stream = await exec.start({})
    stream.resume()
    await new Promise((resolve) => stream.on('end', resolve))
    await detail.tab('Changes')
    await page.getByRole('button', { name: 'Expand all' }).click()
    await expect(page.getByRole('treeitem', { name: /e2e-marker\.txt/ })).toContainText('A')

    await detail.tab('Lifecycle')
    await expect(page.getByRole('button', { name: 'Start (created → running)', exact: true })).toBeDisabled()
    // httpd runs as PID 1 and ignores SIGTERM: the timeout decides when SIGKILL comes.
    await page.getByLabel('Stop timeout (seconds)').fill('1')
    await page.getByRole('button', { name: 'Stop (running → exited)' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Current state: exited' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Start (exited → running)', exact: true })).toBeEnabled()
    expect((await docker.getContainer(name).inspect()).State.Status).toBe('exited')

    const list = new ContainersPage(page)
    await list.find(name)
    await expect(list.row(name).getByText('exited', { exact: true })).toBeVisible()
  },
)

test('a pasted docker run line fills the form, and unsupported flags are listed', async ({ page }) => {
  const run = new RunPage(page)
  await run.open()
  await run.paste(
    'docker run --name some-mysql -p 3310:3306 -v /my/own/datadir:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw --privileged --frobnicate -d mysql:5.7',
  )
  await expect(run.field('Image')).toHaveValue('mysql:5.7')
  await expect(run.field('Container name')).toHaveValue('some-mysql')
  await expect(run.field('Host port 1')).toHaveValue('3310')
  await expect(run.field('Container port 1')).toHaveValue('3306')
  await expect(run.field('Mount type 1')).toHaveValue('bind')
  await expect(run.field('Mount source 1')).toHaveValue('/my/own/datadir')
  await expect(run.field('Mount path 1')).toHaveValue('/var/lib/mysql')
  await expect(run.field('Environment variables')).toHaveValue('MYSQL_ROOT_PASSWORD=my-secret-pw')
  await expect(run.twin()).toHaveText(
    'docker run -d --name some-mysql -p 3310:3306 -v /my/own/datadir:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw mysql:5.7',
  )
  const problems = page.getByRole('alert').filter({ hasText: 'were not used' })
  await expect(problems).toContainText('--privileged — Wharf does not support this option yet')
  await expect(problems).toContainText('--frobnicate — not a docker run option')

  await run.paste(`docker run --restart=on-failure:3 --network=container:web1 -it busybox`)
  await expect(run.field('Restart policy')).toHaveValue('on-failure')
  await expect(run.field('Maximum retries')).toHaveValue('3')
  await expect(run.field('Network')).toHaveValue('container:web1')
  await expect(run.twin()).toHaveText('docker run -d -it --network container:web1 --restart on-failure:3 busybox')
})

test('bad input is explained next to the field and nothing is created', async ({ page }) => {
  const run = new RunPage(page)
  await run.open()
  const before = (await docker.listContainers({ all: true })).length
  await run.field('Container name').fill('<script>')
  await page.getByRole('button', { name: '+ Publish a port' }).click()
  await run.field('Container port 1').fill('70000')
  await run.field('Memory limit').fill('12q')
  await expect(page.getByText('Names use letters, digits')).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: 'A port is a number from 1 to 65535' })).toBeVisible()
  await expect(page.getByText('A size with a unit, e.g. 512m or 1g')).toBeVisible()
  await expect(run.field('Container name')).toHaveAttribute('aria-invalid', 'true')
  await page.getByRole('button', { name: 'Create and start' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the 4 marked fields first.' })).toBeVisible()
  await expect(page.getByText('Required', { exact: true })).toBeVisible()
  expect((await docker.listContainers({ all: true })).length).toBe(before)
})

test('the engine’s refusal is shown and the form keeps what was typed', async ({ page }) => {
  const run = new RunPage(page)
  await run.open()
  await run.field('Image').fill('wharf-test/no-such-image:404')
  await expect(page.getByText('This engine has no such image yet')).toBeVisible()
  await run.field('Labels').fill(`wharf.test=${runLabel}`)
  await page.getByRole('button', { name: 'Create only' }).click()
  // A missing image is pulled first; the registry's refusal (unreachable or unknown) is what the user reads.
  await expect(page.getByRole('alert').filter({ hasText: /^Could not pull wharf-test\/no-such-image:404: .+/ })).toBeVisible()
  await expect(run.field('Image')).toHaveValue('wharf-test/no-such-image:404')
})
