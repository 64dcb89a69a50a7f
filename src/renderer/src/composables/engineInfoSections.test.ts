import type { EngineInfo } from '@shared/system'
import type { EngineStatus } from '@shared/types'
import { describe, expect, it } from 'vitest'
import { infoSections, securityOption } from './engineInfoSections'

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}${JSON.stringify(named)}` : key)
const bare: EngineInfo = {
  driverStatus: [],
  runtimes: [],
  securityOptions: [],
  registryMirrors: [],
  insecureRegistries: [],
  swarm: {},
  plugins: { volume: [], network: [], log: [] },
  warnings: [],
  labels: [],
}
const status: EngineStatus = {
  state: 'connected',
  tried: [],
  podmanAvailable: false,
  flavor: 'podman',
  version: '4.3.1',
  apiVersion: '1.41',
}
const fact = (sections: ReturnType<typeof infoSections>, key: string, label: string) =>
  sections.find((s) => s.key === key)?.facts.find((f) => f.label === `system.info.${label}`)?.value

describe('engine info sections', () => {
  it('shows what an engine did not report as not reported, and fills what the connection knows', () => {
    const sections = infoSections(bare, status, t)
    expect(fact(sections, 'engine', 'flavor')).toBe('Podman')
    expect(fact(sections, 'engine', 'version')).toBe('4.3.1')
    expect(fact(sections, 'host', 'memory')).toBeNull()
    expect(fact(sections, 'runtime', 'runtimes')).toBeNull()
    expect(fact(sections, 'swarm', 'swarmState')).toBeNull()
    expect(fact(sections, 'registries', 'mirrors')).toBe('system.info.none')
    expect(sections.map((s) => s.key)).not.toContain('proxy')
  })

  it('marks the default runtime, spells security options as docker info does, lists swarm details only when active', () => {
    const info: EngineInfo = {
      ...bare,
      runtimes: ['io.containerd.runc.v2', 'runc'],
      defaultRuntime: 'runc',
      securityOptions: ['name=seccomp,profile=default', 'name=rootless'],
      swarm: { state: 'active', nodeId: 'n1', controlAvailable: true, managers: 1, nodes: 3 },
      memTotal: 2 * 1024 ** 3,
      httpProxy: 'http://proxy:3128',
    }
    const sections = infoSections(info, status, t)
    expect(fact(sections, 'runtime', 'runtimes')).toEqual(['io.containerd.runc.v2', 'system.info.defaultMark{"name":"runc"}'])
    expect(fact(sections, 'runtime', 'securityOptions')).toEqual(['seccomp (profile=default)', 'rootless'])
    expect(fact(sections, 'swarm', 'nodes')).toBe('3')
    expect(fact(sections, 'swarm', 'manager')).toBe('system.info.yes')
    expect(fact(sections, 'host', 'memory')).toBe('2.0 GiB')
    expect(fact(sections, 'proxy', 'httpProxy')).toBe('http://proxy:3128')
    const inactive = infoSections({ ...info, swarm: { state: 'inactive' } }, status, t)
    expect(inactive.find((s) => s.key === 'swarm')?.facts).toHaveLength(1)
  })

  it('keeps a security option it cannot read as it is', () => {
    expect(securityOption('apparmor')).toBe('apparmor')
    expect(securityOption('name=selinux')).toBe('selinux')
  })
})
