/**
 * The build context as a tar stream read from disk as the engine takes it — never held
 * in memory — with `.dockerignore` applied the way the docker CLI applies it (paths
 * relative to the context; the Dockerfile and .dockerignore are always sent).
 */
import dockerignore from '@balena/dockerignore'
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { pack } from 'tar-fs'
import { WharfError } from '../../shared/errors'

function invalid(field: string, message: string): WharfError {
  return new WharfError({ code: 'invalid_input', message, fields: { [field]: message } })
}

/** Checks the folder and the Dockerfile; returns the Dockerfile's path relative to the context. */
export async function checkContext(context: string, dockerfile: string): Promise<string> {
  if (!isAbsolute(context)) throw invalid('context', 'The context is an absolute folder path on the machine running Wharf')
  const info = await stat(context).catch(() => undefined)
  if (!info?.isDirectory()) throw invalid('context', `No folder at ${context}`)
  const file = resolve(context, dockerfile)
  const inside = relative(context, file)
  if (inside.startsWith('..') || isAbsolute(inside)) throw invalid('dockerfile', 'The Dockerfile must be inside the context folder')
  if (!(await stat(file).catch(() => undefined))?.isFile()) throw invalid('dockerfile', `No file ${inside} in ${context}`)
  return inside.split(sep).join('/')
}

export async function packContext(context: string, dockerfile: string): Promise<{ stream: Readable; ignored: (path: string) => boolean }> {
  const rules = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => '')
  const filter = dockerignore({ ignorecase: false }).add(rules).createFilter()
  const always = new Set([dockerfile, '.dockerignore'])
  const ignored = (path: string): boolean => {
    const rel = relative(context, path).split(sep).join('/')
    return rel !== '' && !always.has(rel) && !filter(rel)
  }
  return { stream: pack(context, { ignore: ignored }), ignored }
}
