import { describe, expect, it } from 'vitest'
import { serviceCreateCommand } from '@shared/swarm/serviceCommand'
import { emptyServiceForm, schemaIssues, serviceSpecOf } from './serviceForm'

describe('the service form', () => {
  it('makes the spec and its docker service create twin from the text fields', () => {
    const { spec, issues } = serviceSpecOf({
      ...emptyServiceForm(),
      name: 'web',
      image: 'wharf-swarm/app:v1',
      replicas: '3',
      command: "sh -c 'sleep 1'",
      env: 'A=1\n\nB=two words',
      ports: '8080:80\npublished=53,target=53,protocol=udp,mode=host',
      constraints: 'node.role==worker',
      parallelism: '2',
      updateDelay: '5',
    })
    expect(issues).toEqual({})
    expect(schemaIssues(spec)).toEqual({})
    expect(serviceCreateCommand(spec)).toBe(
      "docker service create --name web --replicas 3 --publish 8080:80 --publish published=53,target=53,protocol=udp,mode=host --env A=1 --env 'B=two words' --constraint node.role==worker --update-parallelism 2 --update-delay 5s wharf-swarm/app:v1 sh -c 'sleep 1'",
    )
  })

  it('names each line it cannot read, and the schema’s refusals by field', () => {
    const { spec, issues } = serviceSpecOf({
      ...emptyServiceForm(),
      name: 'web',
      image: 'x',
      ports: '8080:80\nnot a port',
      replicas: 'many',
      env: 'NOVALUE',
    })
    expect(issues).toEqual({ ports: ['not a port'], replicas: ['many'] })
    expect(Object.keys(schemaIssues(spec))).toEqual(['env'])
  })
})
