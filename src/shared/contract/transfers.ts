/** Streamed downloads and uploads: this domain's part of the contract (see index.ts). */
import { engineMethod } from './spec'
import * as tr from '../transferSchemas'

export const transfersMethods = {
  /** A one-time ticket for a streamed download: a log, `docker save`, a file or folder, a volume backup. */
  'transfers.download': engineMethod<typeof tr.downloadInput, tr.TransferTicket>(tr.downloadInput),
  /** A one-time ticket for a streamed upload: a file, an archive to extract, a backup to restore. */
  'transfers.upload': engineMethod<typeof tr.uploadInput, tr.TransferTicket>(tr.uploadInput),
} as const
