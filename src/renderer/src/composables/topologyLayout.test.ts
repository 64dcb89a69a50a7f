import { describe, expect, it } from 'vitest'
import { layoutTopology } from './topologyLayout'

describe('layoutTopology', () => {
  it('puts containers under their first network, joined ones under their host, and draws every link', () => {
    const layout = layoutTopology(
      {
        networks: [
          { id: 'n1', name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16' },
          { id: 'n2', name: 'app', driver: 'bridge', subnet: '10.1.0.0/24' },
          { id: 'n3', name: 'idle', driver: 'bridge' },
        ],
        containers: [
          {
            id: 'web',
            name: 'web',
            running: true,
            mode: 'app',
            endpoints: [
              { network: 'app', ipv4: '10.1.0.2' },
              { network: 'bridge', ipv4: '172.17.0.2' },
            ],
            ports: ['8080→80/tcp'],
          },
          { id: 'side', name: 'side', running: true, mode: 'container:web', joinedTo: 'web', endpoints: [], ports: [] },
          { id: 'db', name: 'db', running: false, mode: 'app', endpoints: [{ network: 'app', ipv4: '10.1.0.3' }], ports: [] },
        ],
      },
      false,
    )
    expect(layout.networks.map((n) => n.name)).toEqual(['bridge', 'app'])
    const web = layout.containers.find((c) => c.id === 'web')!
    const side = layout.containers.find((c) => c.id === 'side')!
    const db = layout.containers.find((c) => c.id === 'db')!
    const app = layout.networks.find((n) => n.name === 'app')!
    expect(web.x).toBeGreaterThan(app.x)
    expect(side).toMatchObject({ host: 'web' })
    expect(side.x).toBeGreaterThan(web.x)
    // No box overlaps another in the same column.
    expect(side.y).toBeGreaterThanOrEqual(web.y + web.h)
    expect(db.y).toBeGreaterThanOrEqual(side.y + side.h)
    expect(layout.edges.map((e) => e.kind).sort()).toEqual(['branch', 'branch', 'extra', 'joined', 'trunk'])
    expect(layoutTopology({ networks: [{ id: 'n3', name: 'idle', driver: 'bridge' }], containers: [] }, true).networks).toHaveLength(1)
  })
})
