import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NetworkSummary, Topology } from '../../src/shared/networks'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, testDocker } from './support/engine'
import { waitForExecExit } from '../../src/main/engine/execExit'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const created: string[] = []
/** A /24 unlikely to clash with anything else on the engine. */
const octet = 100 + (parseInt(runId.slice(-2), 16) % 100)
const subnet = `10.231.${octet}.0/24`

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const id of created)
    await docker
      .getNetwork(id)
      .remove()
      .catch(() => undefined)
})

const spec = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  driver: 'bridge',
  internal: false,
  attachable: false,
  ipv6: false,
  labels: [`wharf.test=${runId}`],
  options: [],
  ...extra,
})

describe('networks (N1–N4)', () => {
  it('creates a user-defined network with a subnet, connects two containers that resolve each other by name, and removes it', async () => {
    const name = `wharf-it-${runId}-net`
    const { id } = await ok<{ id: string }>(ctx.api, 'networks.create', spec(name, { subnet, gateway: `10.231.${octet}.1` }))
    created.push(id)
    const listed = (await ok<NetworkSummary[]>(ctx.api, 'networks.list')).find((n) => n.id === id)
    expect(listed).toMatchObject({ name, driver: 'bridge', builtIn: false, subnets: [{ subnet, gateway: `10.231.${octet}.1` }] })
    expect(
      (await ok<NetworkSummary[]>(ctx.api, 'networks.list'))
        .filter((n) => n.builtIn)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['bridge', 'host', 'none'])

    const web = await createTestContainer(docker, { start: true, name: `wharf-it-${runId}-web` })
    const client = await createTestContainer(docker, { start: true, name: `wharf-it-${runId}-client` })
    await ok(ctx.api, 'networks.connect', { network: id, container: web.id, aliases: ['api'], ipv4: `10.231.${octet}.10` })
    await ok(ctx.api, 'networks.connect', { network: id, container: client.id, aliases: [] })
    const attached = (await ok<NetworkSummary[]>(ctx.api, 'networks.list')).find((n) => n.id === id)
    expect(attached?.containers.find((c) => c.id === web.id)?.ipv4).toBe(`10.231.${octet}.10/24`)

    // The seeds' DNS example: on a user-defined network, containers find each other by name and alias.
    for (const host of [`wharf-it-${runId}-web`, 'api']) {
      const exec = await client.exec({ Cmd: ['ping', '-c', '1', '-W', '2', host], AttachStdout: true, AttachStderr: true })
      const stream = await exec.start({ hijack: true, stdin: false })
      const output = await new Promise<string>((resolve) => {
        let text = ''
        stream.on('data', (c: Buffer) => (text += c.toString('latin1')))
        stream.on('end', () => resolve(text))
      })
      expect(output).toContain(`10.231.${octet}.10`)
      expect((await waitForExecExit(exec, 30_000)).ExitCode).toBe(0)
    }

    const refused = await fails(ctx.api, 'networks.remove', { id: name })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toMatch(/Attached: .*wharf-it-.*-(web|client)/)
    await ok(ctx.api, 'networks.disconnect', { network: id, container: web.id })
    await ok(ctx.api, 'networks.disconnect', { network: id, container: client.id })
    expect(await ok(ctx.api, 'networks.remove', { id: name })).toEqual({ removed: name })
  })

  it('refuses a bad subnet, a gateway outside it, and a subnet that overlaps another network, field by field', async () => {
    const bad = await fails(ctx.api, 'networks.create', spec(`wharf-it-${runId}-bad`, { subnet: '10.0.0.5/33', gateway: 'x' }))
    expect(bad.fields?.subnet).toMatch(/is a CIDR/)
    expect(bad.fields?.gateway).toMatch(/is an IP address/)
    const outside = await fails(
      ctx.api,
      'networks.create',
      spec(`wharf-it-${runId}-out`, { subnet: '10.232.1.0/24', gateway: '10.232.2.1' }),
    )
    expect(outside.fields?.gateway).toBe('The gateway 10.232.2.1 is not inside 10.232.1.0/24')
    const hostBits = await fails(ctx.api, 'networks.create', spec(`wharf-it-${runId}-bits`, { subnet: '10.232.1.7/24' }))
    expect(hostBits.fields?.subnet).toMatch(/host bits zero, e\.g\. 10\.232\.1\.0\/24/)
    const first = await ok<{ id: string }>(ctx.api, 'networks.create', spec(`wharf-it-${runId}-a`, { subnet: `10.233.${octet}.0/24` }))
    created.push(first.id)
    const overlap = await fails(ctx.api, 'networks.create', spec(`wharf-it-${runId}-b`, { subnet: `10.233.${octet}.128/25` }))
    expect(overlap.fields?.subnet).toBe(`10.233.${octet}.128/25 overlaps the network wharf-it-${runId}-a (10.233.${octet}.0/24)`)
  })

  it('creates an IPv6 network with its gateway, asks for the IPv6 option, and refuses an overlapping IPv6 subnet', async () => {
    const subnet = `fd00:77:${octet.toString(16)}::/64`
    const needsOption = await fails(ctx.api, 'networks.create', spec(`wharf-it-${runId}-v6no`, { subnet }))
    expect(needsOption.fields?.subnet).toBe('An IPv6 subnet needs the IPv6 option on')
    const v6 = await ok<{ id: string }>(
      ctx.api,
      'networks.create',
      spec(`wharf-it-${runId}-v6`, { subnet, gateway: `fd00:77:${octet.toString(16)}::1`, ipv6: true }),
    )
    created.push(v6.id)
    const seen = await docker.getNetwork(v6.id).inspect()
    expect(seen.EnableIPv6).toBe(true)
    expect(seen.IPAM?.Config).toContainEqual({ Subnet: subnet, Gateway: `fd00:77:${octet.toString(16)}::1` })
    const overlap = await fails(
      ctx.api,
      'networks.create',
      spec(`wharf-it-${runId}-v6b`, { subnet: `fd00:77:${octet.toString(16)}::/96`, ipv6: true }),
    )
    expect(overlap.fields?.subnet).toMatch(/overlaps the network wharf-it-.*-v6 /)
  })
})

describe('topology (N5)', () => {
  it('shows a container joined to another’s network namespace, with addresses and published ports', async () => {
    const host = await createTestContainer(docker, { start: true, name: `wharf-it-${runId}-host`, ports: { '80/tcp': [{ HostPort: '' }] } })
    const guest = await docker.createContainer({
      Image: 'wharf-test/busybox:latest',
      name: `wharf-it-${runId}-guest`,
      Cmd: ['sleep', '3600'],
      Labels: { 'wharf.test': runId },
      HostConfig: { NetworkMode: `container:${host.id}` },
    })
    await guest.start()
    const topology = await ok<Topology>(ctx.api, 'networks.topology')
    const hostNode = topology.containers.find((c) => c.id === host.id)
    const guestNode = topology.containers.find((c) => c.id === guest.id)
    expect(hostNode?.endpoints.map((e) => e.network)).toEqual(['bridge'])
    expect(hostNode?.endpoints[0].ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(hostNode?.ports[0]).toMatch(/^\d+→80\/tcp$/)
    expect(guestNode).toMatchObject({ joinedTo: host.id, endpoints: [] })
    expect(topology.networks.map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']))
  })
})
