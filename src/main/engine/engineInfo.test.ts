import { describe, expect, it } from 'vitest'
import { toEngineInfo } from './engineInfo'

/** Shaped like dockerd 20.10's and Podman 4.3's /info; the real answers are compared in tests/integration. */
describe('toEngineInfo', () => {
  it('reads the registries as docker info lists them: mirrors, and insecure names and CIDRs', () => {
    const info = toEngineInfo({
      RegistryConfig: {
        IndexConfigs: { 'docker.io': { Secure: true }, 'registry.lan:5000': { Secure: false } },
        InsecureRegistryCIDRs: ['127.0.0.0/8'],
        Mirrors: ['https://mirror.example'],
      },
      Runtimes: { runc: {}, 'io.containerd.runc.v2': {} },
      Swarm: { LocalNodeState: 'inactive', NodeID: '', ControlAvailable: false },
      DriverStatus: [['Backing Filesystem', 'extfs'], ['bad']],
    })
    expect(info.insecureRegistries).toEqual(['registry.lan:5000', '127.0.0.0/8'])
    expect(info.registryMirrors).toEqual(['https://mirror.example'])
    expect(info.runtimes).toEqual(['io.containerd.runc.v2', 'runc'])
    expect(info.swarm).toEqual({ state: 'inactive', controlAvailable: false })
    expect(info.driverStatus).toEqual([['Backing Filesystem', 'extfs']])
  })

  it('leaves out what the engine sent empty, null or not at all, instead of inventing zeros', () => {
    const info = toEngineInfo({ LoggingDriver: '', IndexServerAddress: '', Labels: null, Warnings: null, NCPU: 2, ExperimentalBuild: true })
    expect(info.loggingDriver).toBeUndefined()
    expect(info.indexServer).toBeUndefined()
    expect(info.memTotal).toBeUndefined()
    expect(info.containers).toBeUndefined()
    expect(info.cgroupVersion).toBeUndefined()
    expect(info).toMatchObject({ cpus: 2, experimental: true, labels: [], warnings: [], runtimes: [], securityOptions: [] })
    expect(toEngineInfo(null).swarm).toEqual({})
  })
})
