import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/** A build output whose name carries its content's hash (Vite's `assets/name-HASH.ext`). */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/

/**
 * Hashed assets never change under their name, so the browser may keep them: a page
 * opened again (or after Wharf restarts on the same port) then takes its script from the
 * cache and V8's compiled code for it, instead of fetching and compiling ~0.8 MB anew.
 * `private`: only the user's own browser keeps them. Everything else, index.html
 * included, is `no-store`, so a new build is picked up at the next load.
 */
export function cacheControlFor(relative: string): string {
  return HASHED_ASSET.test(relative.split(sep).join('/')) ? 'private, max-age=31536000, immutable' : 'no-store'
}

/** Serves a file of the built renderer; paths are confined to `root`. */
export function serveStatic(root: string, pathname: string, res: ServerResponse, headers: Record<string, string>): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    res.writeHead(400, headers).end('Bad path')
    return
  }
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const file = join(root, relative)
  if (!file.startsWith(root + sep) || decoded.includes('\0')) {
    res.writeHead(404, headers).end('Not found')
    return
  }
  let target = file
  try {
    if (!statSync(target).isFile()) throw new Error('not a file')
  } catch {
    // Unknown paths get the app, which routes by hash; assets stay 404 so errors show.
    if (extname(relative) !== '') {
      res.writeHead(404, headers).end('Not found')
      return
    }
    target = join(root, 'index.html')
  }
  const stream = createReadStream(target)
  // A file that cannot be opened gets an answer that says so; one that fails while being
  // sent ends with the connection cut, so the browser sees a failed load, not a short file.
  stream.once('error', (err: NodeJS.ErrnoException) => {
    if (!res.headersSent)
      res.writeHead(500, { ...headers, Connection: 'close' }).end(`Cannot read ${relative} (${err.code ?? err.message})`)
  })
  stream.once('open', () => {
    res.writeHead(200, {
      ...headers,
      'Content-Type': types[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': target === file ? cacheControlFor(relative) : 'no-store',
    })
    pipeline(stream, res, () => undefined)
  })
  res.once('close', () => stream.destroy())
}
