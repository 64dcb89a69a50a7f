/**
 * What both shells serve for streamed transfers: browser mode's /download/<ticket> and
 * /upload/<ticket>, and the desktop's wharf-download://app/download/<ticket> (and
 * …/upload/<ticket>). A ticket is redeemed once; see tickets.ts.
 */
import type { Readable } from 'node:stream'
import type { EngineRegistry } from '../engine/registry'
import { openDownload, type Download } from './downloads'
import type { TransferTickets } from './tickets'
import { acceptUpload } from './uploads'
import { uploadLimits } from '../images/uploadLimit'
import type { SettingsStore } from '../storage/settings'

export interface TransferRoutes {
  download(ticket: string): Promise<Download>
  upload(ticket: string, body: Readable, length: number | undefined): Promise<unknown>
}

/** `download/<ticket>` or `upload/<ticket>`: a ticket is base64url, nothing else is one. */
export const TRANSFER_PATH = /^\/?(download|upload)\/([A-Za-z0-9_-]{16,64})$/

export function transferRoutes(app: { tickets: TransferTickets; engines: EngineRegistry; settings: SettingsStore }): TransferRoutes {
  return {
    download: async (ticket) => {
      const { engine, spec } = app.tickets.redeemDownload(ticket)
      return openDownload(app.engines.require(engine), spec)
    },
    upload: async (ticket, body, length) => {
      const { engine, spec } = app.tickets.redeemUpload(ticket)
      // The limits as the settings say when the upload starts.
      return acceptUpload(app.engines.require(engine), spec, body, length, uploadLimits(app.settings.preferences()))
    },
  }
}
