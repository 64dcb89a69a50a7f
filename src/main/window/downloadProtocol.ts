import { protocol } from 'electron'
import { Readable } from 'node:stream'
import type { Download } from '../downloads/downloads'
import { WharfError } from '../../shared/errors'

export const DOWNLOAD_SCHEME = 'wharf-download'

/** Must run before the app is ready: lets the renderer's download links reach main. */
export function registerDownloadScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: DOWNLOAD_SCHEME, privileges: { stream: true, supportFetchAPI: true } }])
}

/**
 * Serves wharf-download://app/<path> from the same handler browser mode uses for
 * /download/<path>; Electron's download manager then asks where to save.
 */
export function serveDownloads(
  open: (path: string) => Promise<Download>,
  upload: (path: string, body: Readable, length: number | undefined) => Promise<unknown>,
): void {
  protocol.handle(DOWNLOAD_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (request.method === 'POST' && url.pathname.startsWith('/upload/') && request.body) {
      // Uploads (volume and container files) share the scheme: one place serves the renderer's bytes.
      const length = request.headers.get('content-length')
      try {
        const body = Readable.fromWeb(request.body)
        const result = await upload(url.pathname.slice('/upload/'.length) + url.search, body, length === null ? undefined : Number(length))
        return Response.json({ ok: true, result })
      } catch (err) {
        const error = err instanceof WharfError ? err.toData() : { code: 'internal', message: String(err) }
        return Response.json({ ok: false, error }, { status: 400 })
      }
    }
    try {
      const download = await open(url.pathname.replace(/^\//, '') + url.search)
      return new Response(Readable.toWeb(download.body) as ReadableStream, {
        headers: {
          'Content-Type': download.contentType,
          ...(download.size !== undefined ? { 'Content-Length': String(download.size) } : {}),
          'Content-Disposition': `attachment; filename="${download.filename.replace(/[^\w.-]/g, '_')}"`,
        },
      })
    } catch (err) {
      return new Response(err instanceof Error ? err.message : String(err), { status: 400 })
    }
  })
}
