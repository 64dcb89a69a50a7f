/**
 * `docker info` as the Engine pane's sections: plain data (label, value) the panel
 * renders, so what is shown — and what an engine that says less (Podman) shows — is
 * decided in one testable place. A value the engine did not send is null, shown as "—".
 */
import type { EngineInfo } from '@shared/system'
import type { EngineStatus } from '@shared/types'
import { formatBytes, formatDateTime } from './format'

export interface Fact {
  label: string
  /** A list shows one item per line; null is "not reported". */
  value: string | string[] | null
  mono?: boolean
}

export interface InfoSection {
  key: string
  title: string
  facts: Fact[]
}

type Translate = (key: string, named?: Record<string, unknown>) => string

const text = (v: string | undefined): string | null => (v ? v : null)
const count = (v: number | undefined): string | null => (v === undefined ? null : String(v))
/** The engine's clock as the page's locale writes a time; what it sent when that cannot be read. */
const clock = (v: string | undefined, locale: string): string | null => {
  const ms = v ? Date.parse(v) : NaN
  return Number.isFinite(ms) ? formatDateTime(ms, locale) : text(v)
}

/** "name=seccomp,profile=default" → "seccomp (profile=default)", as `docker info` prints it. */
export function securityOption(option: string): string {
  const parts = option.split(',')
  const name = parts.find((p) => p.startsWith('name='))?.slice(5)
  if (!name) return option
  const rest = parts.filter((p) => !p.startsWith('name='))
  return rest.length ? `${name} (${rest.join(', ')})` : name
}

export function infoSections(info: EngineInfo, status: EngineStatus, t: Translate, locale = 'en'): InfoSection[] {
  const yesNo = (v: boolean | undefined): string | null => (v === undefined ? null : v ? t('system.info.yes') : t('system.info.no'))
  const listOrNone = (items: string[]): string | string[] => (items.length ? items : t('system.info.none'))
  const flavor = status.flavor === 'podman' ? 'Podman' : status.flavor === 'docker' ? 'Docker' : null
  const swarm = info.swarm
  const f = (label: string, value: Fact['value'], mono = false): Fact => ({ label: t(`system.info.${label}`), value, mono })

  const sections: InfoSection[] = [
    {
      key: 'engine',
      title: t('system.info.section.engine'),
      facts: [
        f('name', text(info.name)),
        f('flavor', flavor),
        f('version', text(info.serverVersion ?? status.version)),
        f('apiVersion', text(status.apiVersion)),
        f('endpoint', text(status.endpoint), true),
        f('id', text(info.id), true),
        f('experimental', yesNo(info.experimental)),
        f('liveRestore', yesNo(info.liveRestore)),
        f('debug', yesNo(info.debug)),
      ],
    },
    {
      key: 'host',
      title: t('system.info.section.host'),
      facts: [
        f('os', text(info.operatingSystem)),
        f('osType', text([info.osType, info.osVersion].filter(Boolean).join(' '))),
        f('kernel', text(info.kernelVersion), true),
        f('arch', text(info.architecture)),
        f('cpus', count(info.cpus)),
        f('memory', info.memTotal === undefined ? null : formatBytes(info.memTotal)),
        f('systemTime', clock(info.systemTime, locale)),
      ],
    },
    {
      key: 'storage',
      title: t('system.info.section.storage'),
      facts: [
        f('storageDriver', text(info.storageDriver)),
        ...info.driverStatus.map(([k, v]) => ({ label: k, value: v, mono: true })),
        f('rootDir', text(info.dockerRootDir), true),
      ],
    },
    {
      key: 'runtime',
      title: t('system.info.section.runtime'),
      facts: [
        f('cgroupDriver', text(info.cgroupDriver)),
        f('cgroupVersion', text(info.cgroupVersion)),
        f('loggingDriver', text(info.loggingDriver)),
        f(
          'runtimes',
          info.runtimes.length
            ? info.runtimes.map((r) => (r === info.defaultRuntime ? t('system.info.defaultMark', { name: r }) : r))
            : null,
        ),
        f('defaultRuntime', text(info.defaultRuntime)),
        f('securityOptions', info.securityOptions.length ? info.securityOptions.map(securityOption) : null),
      ],
    },
    {
      key: 'registries',
      title: t('system.info.section.registries'),
      facts: [
        f('indexServer', text(info.indexServer), true),
        f('mirrors', listOrNone(info.registryMirrors), true),
        f('insecure', listOrNone(info.insecureRegistries), true),
      ],
    },
    {
      key: 'objects',
      title: t('system.info.section.objects'),
      facts: [
        f(
          'containers',
          info.containers === undefined
            ? null
            : t('system.info.containersDetail', {
                n: info.containers,
                running: info.containersRunning ?? '—',
                paused: info.containersPaused ?? '—',
                stopped: info.containersStopped ?? '—',
              }),
        ),
        f('images', count(info.images)),
      ],
    },
    {
      key: 'swarm',
      title: t('system.info.section.swarm'),
      facts: [
        f('swarmState', text(swarm.state)),
        ...(swarm.state && swarm.state !== 'inactive'
          ? [
              f('nodeId', text(swarm.nodeId), true),
              f('nodeAddr', text(swarm.nodeAddr), true),
              f('manager', yesNo(swarm.controlAvailable)),
              f('managers', count(swarm.managers)),
              f('nodes', count(swarm.nodes)),
            ]
          : []),
        ...(swarm.error ? [f('swarmError', swarm.error)] : []),
      ],
    },
    {
      key: 'plugins',
      title: t('system.info.section.plugins'),
      facts: [
        f('volumePlugins', info.plugins.volume.length ? info.plugins.volume.join(', ') : null),
        f('networkPlugins', info.plugins.network.length ? info.plugins.network.join(', ') : null),
        f('logPlugins', info.plugins.log.length ? info.plugins.log.join(', ') : null),
      ],
    },
  ]
  const proxy = [
    f('httpProxy', text(info.httpProxy), true),
    f('httpsProxy', text(info.httpsProxy), true),
    f('noProxy', text(info.noProxy), true),
  ]
  if (proxy.some((p) => p.value !== null)) sections.push({ key: 'proxy', title: t('system.info.section.proxy'), facts: proxy })
  if (info.labels.length) {
    sections.push({ key: 'labels', title: t('system.info.section.labels'), facts: [f('labels', info.labels, true)] })
  }
  return sections
}
