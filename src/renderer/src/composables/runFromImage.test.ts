import type { ImageDetail } from '@shared/images'
import { runSpecToCommandLine } from '@shared/run/cliRender'
import { validateRunSpec } from '@shared/run/validate'
import { describe, expect, it } from 'vitest'
import { specFromImage } from './runFromImage'

const detail = {
  config: {
    cmd: ['httpd', '-f', '-p', '80'],
    entrypoint: [],
    env: ['PATH=/bin', 'MODE=prod'],
    exposedPorts: ['80/tcp', '53/udp'],
    volumes: ['/data'],
    workdir: '/srv',
    user: '',
    labels: {},
    stopSignal: '',
  },
} as unknown as ImageDetail

describe('specFromImage', () => {
  it('fills the run form from the image config, valid as it stands', () => {
    const spec = specFromImage('web:1', detail)
    expect(spec).toMatchObject({
      image: 'web:1',
      command: ['httpd', '-f', '-p', '80'],
      workdir: '/srv',
      env: ['PATH=/bin', 'MODE=prod'],
      ports: [
        { hostIp: '', hostPort: '', containerPort: '80', protocol: 'tcp' },
        { hostIp: '', hostPort: '', containerPort: '53', protocol: 'udp' },
      ],
      mounts: [{ type: 'volume', source: '', target: '/data', readOnly: false }],
      entrypoint: null,
    })
    expect(validateRunSpec(spec)).toEqual([])
    expect(runSpecToCommandLine(spec)).toContain('-p 80')
  })
})
