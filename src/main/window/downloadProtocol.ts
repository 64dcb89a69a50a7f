import { protocol } from 'electron'
import { Readable } from 'node:stream'
import type { Download } from '../downloads/downloads'

export const DOWNLOAD_SCHEME = 'wharf-download'

/** Must run before the app is ready: lets the renderer's download links reach main. */
export function registerDownloadScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: DOWNLOAD_SCHEME, privileges: { stream: true } }])
}

/**
 * Serves wharf-download://app/<path> from the same handler browser mode uses for
 * /download/<path>; Electron's download manager then asks where to save.
 */
export function serveDownloads(open: (path: string) => Promise<Download>): void {
  protocol.handle(DOWNLOAD_SCHEME, async (request) => {
    const url = new URL(request.url)
    try {
      const download = await open(url.pathname.replace(/^\//, '') + url.search)
      return new Response(Readable.toWeb(download.body) as ReadableStream, {
        headers: {
          'Content-Type': download.contentType,
          'Content-Disposition': `attachment; filename="${download.filename.replace(/[^\w.-]/g, '_')}"`,
        },
      })
    } catch (err) {
      return new Response(err instanceof Error ? err.message : String(err), { status: 400 })
    }
  })
}
