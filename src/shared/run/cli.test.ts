import { describe, expect, it } from 'vitest'
import { parseDockerRun } from './cliParse'
import { runSpecToCommandLine } from './cliRender'
import { emptyRunSpec } from './spec'
import { validateRunSpec } from './validate'

function roundTrip(line: string) {
  const first = parseDockerRun(line)
  const rendered = runSpecToCommandLine(first.spec)
  const second = parseDockerRun(rendered)
  expect(second.problems).toEqual([])
  expect(second.spec).toEqual(first.spec)
  expect(runSpecToCommandLine(second.spec)).toBe(rendered)
  return { ...first, rendered }
}

describe('docker run CLI twin', () => {
  it('reads the seeds’ mysql example field by field and writes it back', () => {
    const { spec, problems, rendered } = roundTrip(
      'docker run --name some-mysql -p 3310:3306 -v /my/own/datadir:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw -d mysql:5.7',
    )
    expect(problems).toEqual([])
    expect(spec).toMatchObject({
      name: 'some-mysql',
      image: 'mysql:5.7',
      ports: [{ hostIp: '', hostPort: '3310', containerPort: '3306', protocol: 'tcp' }],
      mounts: [{ type: 'bind', source: '/my/own/datadir', target: '/var/lib/mysql', readOnly: false }],
      env: ['MYSQL_ROOT_PASSWORD=my-secret-pw'],
    })
    expect(rendered).toBe(
      'docker run -d --name some-mysql -p 3310:3306 -v /my/own/datadir:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw mysql:5.7',
    )
  })

  it('reads --restart=on-failure:3 and --network=container:web1 with = and with a space', () => {
    const a = roundTrip('docker run --restart=on-failure:3 --network=container:web1 -it busybox')
    expect(a.spec).toMatchObject({ restart: 'on-failure', maxRetries: '3', network: 'container:web1', tty: true, interactive: true })
    expect(a.rendered).toBe('docker run -d -it --network container:web1 --restart on-failure:3 busybox')
    const b = parseDockerRun('docker run --restart on-failure:3 --network container:web1 -it busybox')
    expect(b.spec).toEqual(a.spec)
  })

  it('keeps shell quoting, commands and entrypoints exactly', () => {
    const { spec, rendered } = roundTrip(
      `sudo docker container run -dit --rm -e 'GREETING=hello world' -e "Q=it's" --entrypoint '' ubuntu /bin/bash -c "while true ;do sleep 1; done"`,
    )
    expect(spec.env).toEqual(['GREETING=hello world', "Q=it's"])
    expect(spec.entrypoint).toBe('')
    expect(spec.command).toEqual(['/bin/bash', '-c', 'while true ;do sleep 1; done'])
    expect(rendered).toContain(`-e 'Q=it'\\''s'`)
  })

  it('reads every supported flag and round-trips it', () => {
    const { spec, problems } = roundTrip(
      [
        'docker run -p 127.0.0.1:8080:80 -p [::1]::53/udp -p 9000 -P',
        '-v data:/data:ro -v /cache --tmpfs /run:ro --mount type=volume,target=/anon,readonly --volumes-from web1:ro',
        '--env-file /etc/app.env --network appnet --network-alias api --network-alias api2',
        '-w /srv -u 1000:1000 -h box -l com.example=1 --cpus 1.5 -m 512m wharf-test/busybox:latest httpd -f',
      ].join(' \\\n  '),
    )
    expect(problems).toEqual([])
    expect(spec.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'tcp' },
      { hostIp: '::1', hostPort: '', containerPort: '53', protocol: 'udp' },
      { hostIp: '', hostPort: '', containerPort: '9000', protocol: 'tcp' },
    ])
    expect(spec.mounts.map((m) => `${m.type}:${m.source}:${m.target}:${m.readOnly}`)).toEqual([
      'volume:data:/data:true',
      'volume::/cache:false',
      'tmpfs::/run:true',
      'volume::/anon:true',
    ])
    expect(validateRunSpec(spec)).toEqual([])
  })

  it('lists flags it does not model instead of dropping them', () => {
    const { spec, problems } = parseDockerRun(
      'docker run --privileged --cap-add NET_ADMIN --frobnicate -p 70000 -v a:b:c:d --dns=8.8.8.8 nginx | tee x',
    )
    expect(spec.image).toBe('nginx')
    expect(spec.command).toEqual([])
    expect(problems).toEqual([
      { flag: '|', reason: 'operator' },
      { flag: '--privileged', reason: 'unsupported' },
      { flag: '--frobnicate', reason: 'unknown' },
      { flag: '-v', value: 'a:b:c:d', reason: 'unreadable' },
      { flag: '--dns', value: '8.8.8.8', reason: 'unsupported' },
    ])
    expect(validateRunSpec(spec).map((i) => i.field)).toEqual(['ports.0.containerPort'])
  })

  it('reports unreadable values and lines that are not docker run', () => {
    expect(parseDockerRun('docker run -v a:b:c:d --restart sometimes x').problems).toEqual([
      { flag: '-v', value: 'a:b:c:d', reason: 'unreadable' },
      { flag: '--restart', value: 'sometimes', reason: 'unreadable' },
    ])
    expect(parseDockerRun('ls -la').problems).toEqual([{ flag: 'ls -la', reason: 'notDockerRun' }])
    expect(parseDockerRun('docker run -d').problems).toEqual([{ flag: '', reason: 'noImage' }])
    expect(parseDockerRun('docker run --name').problems).toContainEqual({ flag: '--name', reason: 'missingValue' })
    expect(parseDockerRun(`docker run -e 'A=1 busybox`).problems).toContainEqual({ flag: "'", reason: 'unterminatedQuote' })
    expect(parseDockerRun(`docker run -e "it's" -e 'say "hi"' -e a\\'b busybox # it's fine`).problems).toEqual([])
  })
})

describe('run spec validation', () => {
  const base = { ...emptyRunSpec(), image: 'busybox' }
  const codes = (patch: Partial<typeof base>) => validateRunSpec({ ...base, ...patch }).map((i) => `${i.field}:${i.code}`)

  it('accepts a minimal spec and requires an image', () => {
    expect(codes({})).toEqual([])
    expect(codes({ image: '' })).toEqual(['image:required'])
    expect(codes({ image: 'Not An Image' })).toEqual(['image:imageRef'])
  })

  it('checks names, ports, duplicates and units', () => {
    expect(codes({ name: 'a' })).toEqual(['name:containerName'])
    expect(codes({ name: '<script>' })).toEqual(['name:containerName'])
    const port = (hostPort: string, hostIp = '') => ({ hostIp, hostPort, containerPort: '80', protocol: 'tcp' as const })
    expect(codes({ ports: [port('8080'), port('8080', '127.0.0.1')] })).toEqual(['ports.1.hostPort:portDuplicate'])
    expect(codes({ ports: [port('8080', '127.0.0.1'), port('8080', '127.0.0.2')] })).toEqual([])
    expect(codes({ ports: [port('65536'), { ...port(''), containerPort: '0' }] })).toEqual([
      'ports.0.hostPort:port',
      'ports.1.containerPort:port',
    ])
    expect(codes({ memory: '512x' })).toEqual(['memory:memory'])
    expect(codes({ memory: '1m' })).toEqual(['memory:memoryTooSmall'])
    expect(codes({ memory: '1.5g', cpus: '0.5' })).toEqual([])
    expect(codes({ cpus: '-1' })).toEqual(['cpus:cpus'])
  })

  it('checks combinations the engine would refuse', () => {
    expect(codes({ autoRemove: true, restart: 'always' })).toEqual(['restart:restartWithAutoRemove'])
    expect(codes({ restart: 'always', maxRetries: '3' })).toEqual(['maxRetries:maxRetriesOnlyOnFailure'])
    expect(codes({ network: 'container:web1', publishAll: true, hostname: 'x' })).toEqual([
      'ports:portsWithJoinedNetwork',
      'hostname:hostnameWithJoinedNetwork',
    ])
    expect(codes({ aliases: ['api'] })).toEqual(['aliases:aliasesNeedNetwork'])
    expect(codes({ mounts: [{ type: 'bind', source: 'rel', target: 'x', readOnly: false }] })).toEqual([
      'mounts.0.target:absolutePath',
      'mounts.0.source:absolutePath',
    ])
  })
})
