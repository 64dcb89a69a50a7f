import { protocol } from 'electron'
import { TRANSFER_SCHEME } from '../../shared/contractNames'
import type { TransferHandler } from '../transport/transferScheme'

/**
 * Must run before the app is ready: lets the renderer's downloads and uploads reach main
 * through wharf-download:, with fetch and streamed bodies.
 */
export function registerDownloadScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: TRANSFER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
  ])
}

/** Serves wharf-download://app/download/<ticket> and …/upload/<ticket>; Electron's download manager saves downloads. */
export function serveDownloads(handler: TransferHandler): void {
  protocol.handle(TRANSFER_SCHEME, handler)
}
