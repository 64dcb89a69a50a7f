/**
 * What both shells serve for streamed transfers: browser mode's /download/<ticket> and
 * /upload/<ticket>, and the desktop's wharf-download://app/download/<ticket> (and
 * …/upload/<ticket>). A ticket is redeemed once; see tickets.ts.
 */
import type { Readable } from 'node:stream'
import type { Services } from '../api/handlers'
import { openDownload, type Download } from './downloads'
import { acceptUpload } from './uploads'

export interface TransferRoutes {
  download(ticket: string): Promise<Download>
  upload(ticket: string, body: Readable, length: number | undefined): Promise<unknown>
}

/** `download/<ticket>` or `upload/<ticket>`: a ticket is base64url, nothing else is one. */
export const TRANSFER_PATH = /^\/?(download|upload)\/([A-Za-z0-9_-]{16,64})$/

export function transferRoutes(services: Services): TransferRoutes {
  return {
    download: async (ticket) => openDownload(services, services.tickets.redeemDownload(ticket)),
    upload: async (ticket, body, length) => acceptUpload(services, services.tickets.redeemUpload(ticket), body, length),
  }
}
