import { describe, expect, it } from 'vitest'
import { parseDockerRun } from './cliParse'
import { runSpecToCommandLine } from './cliRender'
import { parseDevice, parseDuration, parseUlimit } from './hostOptions'
import { emptyRunSpec } from './spec'
import { validateRunSpec } from './validate'

/** parse → (the form holds the spec) → print → parse gives the same spec, with no problems. */
function roundTrip(line: string) {
  const first = parseDockerRun(line)
  expect(first.problems).toEqual([])
  const rendered = runSpecToCommandLine(first.spec)
  const second = parseDockerRun(rendered)
  expect(second.problems).toEqual([])
  expect(second.spec).toEqual(first.spec)
  expect(validateRunSpec(second.spec)).toEqual([])
  return { spec: first.spec, rendered }
}

describe('docker run twin: health check, ulimits, capabilities, devices, logging, init', () => {
  it('round-trips every health check option', () => {
    const { spec, rendered } = roundTrip(
      `docker run --health-cmd 'wget -q -O- http://localhost/ || exit 1' --health-interval=10s --health-timeout 3s --health-start-period 1m30s --health-retries 5 busybox`,
    )
    expect(spec.health).toEqual({
      cmd: 'wget -q -O- http://localhost/ || exit 1',
      interval: '10s',
      timeout: '3s',
      startPeriod: '1m30s',
      retries: '5',
      disabled: false,
    })
    expect(rendered).toBe(
      `docker run -d --health-cmd 'wget -q -O- http://localhost/ || exit 1' --health-interval 10s --health-timeout 3s --health-start-period 1m30s --health-retries 5 busybox`,
    )
  })

  it('round-trips --no-healthcheck and --init', () => {
    const { spec, rendered } = roundTrip('docker run --init --no-healthcheck busybox')
    expect(spec.health.disabled).toBe(true)
    expect(spec.init).toBe(true)
    expect(rendered).toBe('docker run -d --init --no-healthcheck busybox')
    expect(parseDockerRun('docker run --init=false busybox').spec.init).toBe(false)
  })

  it('round-trips ulimits, capabilities and devices, repeated', () => {
    const { spec } = roundTrip(
      'docker run --ulimit nofile=1024:2048 --ulimit nproc=512 --cap-add NET_ADMIN --cap-add=CAP_SYS_PTRACE --cap-drop ALL --device /dev/fuse --device /dev/null:/dev/mynull:r busybox',
    )
    expect(spec.ulimits).toEqual(['nofile=1024:2048', 'nproc=512'])
    expect(spec.capAdd).toEqual(['NET_ADMIN', 'CAP_SYS_PTRACE'])
    expect(spec.capDrop).toEqual(['ALL'])
    expect(spec.devices).toEqual(['/dev/fuse', '/dev/null:/dev/mynull:r'])
  })

  it('round-trips the log driver and its options', () => {
    const { spec, rendered } = roundTrip('docker run --log-driver json-file --log-opt max-size=10m --log-opt=max-file=3 busybox')
    expect(spec.logDriver).toBe('json-file')
    expect(spec.logOpts).toEqual(['max-size=10m', 'max-file=3'])
    expect(rendered).toBe('docker run -d --log-driver json-file --log-opt max-size=10m --log-opt max-file=3 busybox')
  })

  it('round-trips all of them together with the older options', () => {
    roundTrip(
      'docker run --rm -it --name t1 -p 8080:80 -e A=1 --cpus 1 -m 64m --init --health-cmd true --health-retries 0 --ulimit core=-1 --cap-add ALL --device /dev/zero:/dev/z:rw --log-opt tag=x busybox sh',
    )
  })

  it('lists a pasted --health-cmd or --ulimit as read, not as unsupported', () => {
    const { problems } = parseDockerRun('docker run --health-cmd "curl -f localhost" --ulimit nofile=10:20 nginx')
    expect(problems).toEqual([])
    expect(parseDockerRun('docker run --ulimit busybox').problems).toEqual([{ flag: '', reason: 'noImage' }])
  })
})

describe('host option values', () => {
  it('reads Go durations', () => {
    expect(parseDuration('1m30s')).toBe(90e9)
    expect(parseDuration('500ms')).toBe(5e8)
    expect(parseDuration('1.5h')).toBe(5400e9)
    expect(parseDuration('0')).toBe(0)
    expect(parseDuration('10')).toBeUndefined()
    expect(parseDuration('s')).toBeUndefined()
  })

  it('reads ulimits and devices as the docker CLI does', () => {
    expect(parseUlimit('nofile=1024:2048')).toEqual({ Name: 'nofile', Soft: 1024, Hard: 2048 })
    expect(parseUlimit('nproc=10')).toEqual({ Name: 'nproc', Soft: 10, Hard: 10 })
    expect(parseUlimit('files=1')).toBeUndefined()
    expect(parseDevice('/dev/fuse')).toEqual({ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' })
    expect(parseDevice('/dev/sda:r')).toEqual({ PathOnHost: '/dev/sda', PathInContainer: '/dev/sda', CgroupPermissions: 'r' })
    expect(parseDevice('/dev/sda:/dev/xvda:rw')).toEqual({ PathOnHost: '/dev/sda', PathInContainer: '/dev/xvda', CgroupPermissions: 'rw' })
    expect(parseDevice('sda')).toBeUndefined()
  })

  it('points at the field that is wrong', () => {
    const codes = (patch: Partial<ReturnType<typeof emptyRunSpec>>) =>
      validateRunSpec({ ...emptyRunSpec(), image: 'busybox', ...patch }).map((i) => `${i.field}:${i.code}`)
    const health = emptyRunSpec().health
    expect(codes({ health: { ...health, interval: '10', timeout: '1us', retries: '-1' } })).toEqual([
      'health.interval:duration',
      'health.timeout:duration',
      'health.retries:healthRetries',
    ])
    expect(codes({ health: { ...health, disabled: true, cmd: 'true' } })).toEqual(['health.disabled:healthDisabled'])
    expect(codes({ ulimits: ['nofile=10:5', 'bogus=1', 'nproc=1', 'nproc=2'] })).toEqual([
      'ulimits.0:ulimitOrder',
      'ulimits.1:ulimit',
      'ulimits.3:ulimitDuplicate',
    ])
    expect(codes({ capAdd: ['NET ADMIN'], capDrop: ['chown'] })).toEqual(['capAdd.0:capability'])
    expect(codes({ devices: ['fuse'], logDriver: 'json file', logOpts: ['max-size'] })).toEqual([
      'devices.0:device',
      'logDriver:logDriver',
      'logOpts.0:logOptKey',
    ])
  })
})
