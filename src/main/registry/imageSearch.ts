/**
 * Image suggestions for the run form. A term naming a registry host (127.0.0.1:5000/app)
 * is looked up in that registry's catalog (`/v2/_catalog`, then `/v2/<repo>/tags/list`
 * once a tag is being typed); any other term goes to Docker Hub through the engine's
 * `/images/search`, as `docker search` does. A place that cannot be reached is reported
 * with its own message, never as an empty result.
 */
import type Dockerode from 'dockerode'
import type { ImageSearchHit, ImageSearchResult } from '../../shared/imageSearch'
import { registryOf } from '../../shared/tasks'
import { asError, toWharfError } from '../engine/engineError'
import type { Credential } from './credentials'

const LIMIT = 25
const TIMEOUT_MS = 4000
const MAX_BODY = 1024 * 1024

/** Docker treats loopback registries as insecure (plain HTTP); every other host gets HTTPS. */
function baseUrl(host: string): string {
  const bare = host.replace(/:\d+$/, '')
  const loopback = bare === 'localhost' || bare.startsWith('127.') || bare === '[::1]'
  return `${loopback ? 'http' : 'https'}://${host}`
}

async function getJson(url: string, credential: Credential | undefined): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (credential) headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' })
  if (response.status === 401) throw new Error('the registry asks for a login (Images → Log in to a registry)')
  if (!response.ok) throw new Error(`the registry answered ${response.status} ${response.statusText}`)
  const text = await response.text()
  if (text.length > MAX_BODY) throw new Error('the registry’s answer is too large')
  return JSON.parse(text) as unknown
}

async function searchRegistry(host: string, rest: string, credential: Credential | undefined): Promise<ImageSearchHit[]> {
  const base = baseUrl(host)
  const [repoPart, tagPart] = rest.split(':') as [string, string | undefined]
  if (tagPart !== undefined && repoPart) {
    const body = (await getJson(`${base}/v2/${repoPart}/tags/list`, credential)) as { tags?: string[] | null }
    return (body.tags ?? [])
      .filter((tag) => tag.startsWith(tagPart))
      .slice(0, LIMIT)
      .map((tag) => ({ reference: `${host}/${repoPart}:${tag}`, description: '', source: host }))
  }
  const body = (await getJson(`${base}/v2/_catalog?n=1000`, credential)) as { repositories?: string[] | null }
  return (body.repositories ?? [])
    .filter((repo) => repo.includes(repoPart))
    .slice(0, LIMIT)
    .map((repo) => ({ reference: `${host}/${repo}`, description: '', source: host }))
}

async function searchHub(docker: Dockerode, term: string): Promise<ImageSearchHit[]> {
  const found = (await docker.searchImages({ term, limit: LIMIT }).catch((err: unknown) => {
    throw toWharfError(err)
  })) as Array<{ name: string; description?: string }>
  return found.map((hit) => ({ reference: hit.name, description: hit.description ?? '', source: 'Docker Hub' }))
}

export async function searchImages(
  term: string,
  docker: () => Promise<Dockerode>,
  credentialFor: (server: string) => Promise<Credential | undefined>,
): Promise<ImageSearchResult> {
  const registry = registryOf(term)
  const source = registry === 'docker.io' ? 'Docker Hub' : registry
  try {
    if (registry === 'docker.io') {
      // Docker Hub searches names; a tag being typed (nginx:1.2) would match nothing.
      const name = term.replace(/^docker\.io\//, '').replace(/:[^/]*$/, '')
      return { hits: await searchHub(await docker(), name), unreachable: [] }
    }
    const hits = await searchRegistry(registry, term.slice(registry.length + 1), await credentialFor(registry))
    return { hits, unreachable: [] }
  } catch (err) {
    const error = asError(err)
    // fetch() says only "fetch failed"; the reason (refused, no such host) is its cause.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    const message = error.name === 'TimeoutError' ? 'no answer within 4 s' : `${error.message}${cause}`
    return { hits: [], unreachable: [{ source, message }] }
  }
}
