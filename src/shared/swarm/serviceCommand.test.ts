import { describe, expect, it } from 'vitest'
import type { ServiceSpecInput } from './schemas'
import { serviceSpecInput } from './schemas'
import { serviceCreateCommand } from './serviceCommand'

const base: ServiceSpecInput = {
  name: 'web',
  image: 'nginx:1.27',
  mode: 'replicated',
  replicas: 1,
  command: [],
  env: [],
  ports: [],
  mounts: [],
  networks: [],
  constraints: [],
  secrets: [],
  labels: [],
  limits: { cpus: 0, memoryMb: 0 },
  update: { parallelism: 1, delaySeconds: 0, failureAction: 'pause', order: 'stop-first' },
  restart: { condition: 'any', maxAttempts: 0, delaySeconds: 5 },
}

describe('serviceCreateCommand', () => {
  it('leaves out what the CLI does by default', () => {
    expect(serviceCreateCommand(base)).toBe('docker service create --name web nginx:1.27')
  })

  it('writes every option the form sets, quoted for a shell', () => {
    const command = serviceCreateCommand({
      ...base,
      replicas: 3,
      command: ['sh', '-c', "echo it's up"],
      env: ['GREETING=hello world'],
      ports: [
        { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' },
        { published: 53, target: 53, protocol: 'udp', mode: 'host' },
      ],
      mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
      networks: ['backend'],
      constraints: ['node.role == manager'],
      secrets: ['db-password'],
      limits: { cpus: 0.5, memoryMb: 256 },
      update: { parallelism: 2, delaySeconds: 10, failureAction: 'rollback', order: 'start-first' },
      restart: { condition: 'on-failure', maxAttempts: 3, delaySeconds: 5 },
    })
    expect(command).toBe(
      'docker service create --name web --replicas 3 --publish 8080:80 ' +
        '--publish published=53,target=53,protocol=udp,mode=host ' +
        "--env 'GREETING=hello world' --mount type=volume,source=data,target=/data,readonly --network backend " +
        '--constraint node.role==manager --secret db-password --limit-cpu 0.5 --limit-memory 256M ' +
        '--update-parallelism 2 --update-delay 10s --update-failure-action rollback --update-order start-first ' +
        "--restart-condition on-failure --restart-max-attempts 3 nginx:1.27 sh -c 'echo it'\\''s up'",
    )
  })

  it('writes a global service with --mode global and no replicas', () => {
    expect(serviceCreateCommand({ ...base, mode: 'global', replicas: 4 })).toBe('docker service create --name web --mode global nginx:1.27')
  })
})

describe('serviceSpecInput', () => {
  it('refuses a port published twice and a constraint without an operator', () => {
    const twice = serviceSpecInput.safeParse({
      ...base,
      ports: [
        { published: 80, target: 80, protocol: 'tcp', mode: 'ingress' },
        { published: 80, target: 81, protocol: 'tcp', mode: 'ingress' },
      ],
    })
    expect(twice.success).toBe(false)
    expect(twice.error?.issues[0].message).toBe('Port 80/tcp is published twice')
    const bad = serviceSpecInput.safeParse({ ...base, constraints: ['node.role manager'] })
    expect(bad.error?.issues[0].message).toMatch(/attribute==value/)
  })
})
