/**
 * One-time tickets for streamed transfers. `transfers.download` and `transfers.upload`
 * validate what is asked and hand back a ticket; the HTTP route or the desktop scheme
 * then redeems it once. Only a client that can make API calls (the app's own window, or
 * a page holding the browser-mode session over its WebSocket) can get one, so a request
 * forged by another page — even one that carries the session cookie — starts nothing.
 */
import { randomBytes } from 'node:crypto'
import { WharfError } from '../../shared/errors'
import type { DownloadSpec, TransferTicket, UploadSpec } from '../../shared/transferSchemas'

/** Long enough for a save dialog; a ticket is redeemed within milliseconds of its issue otherwise. */
const TICKET_TTL_MS = 60_000
/** A page that asks for tickets and never redeems them holds at most this many. */
const MAX_LIVE = 256

type Entry =
  | { kind: 'download'; engine: string; spec: DownloadSpec; expires: number }
  | { kind: 'upload'; engine: string; spec: UploadSpec; expires: number }

export class TransferTickets {
  private readonly live = new Map<string, Entry>()

  constructor(private readonly now: () => number = Date.now) {}

  forDownload(engine: string, spec: DownloadSpec): TransferTicket {
    return this.issue({ kind: 'download', engine, spec, expires: this.now() + TICKET_TTL_MS })
  }

  forUpload(engine: string, spec: UploadSpec): TransferTicket {
    return this.issue({ kind: 'upload', engine, spec, expires: this.now() + TICKET_TTL_MS })
  }

  /** The download a ticket stands for, on its engine; the ticket is spent. */
  redeemDownload(ticket: string): { engine: string; spec: DownloadSpec } {
    const entry = this.take(ticket)
    if (entry?.kind !== 'download') throw expired()
    return entry
  }

  /** The upload a ticket stands for, on its engine; the ticket is spent. */
  redeemUpload(ticket: string): { engine: string; spec: UploadSpec } {
    const entry = this.take(ticket)
    if (entry?.kind !== 'upload') throw expired()
    return entry
  }

  private issue(entry: Entry): TransferTicket {
    this.sweep()
    if (this.live.size >= MAX_LIVE) this.live.delete(this.live.keys().next().value as string)
    const ticket = randomBytes(24).toString('base64url')
    this.live.set(ticket, entry)
    return { ticket }
  }

  private take(ticket: string): Entry | undefined {
    const entry = this.live.get(ticket)
    this.live.delete(ticket)
    return entry && entry.expires > this.now() ? entry : undefined
  }

  private sweep(): void {
    const now = this.now()
    for (const [ticket, entry] of this.live) if (entry.expires <= now) this.live.delete(ticket)
  }
}

function expired(): WharfError {
  return new WharfError({ code: 'not_found', message: 'This transfer link was used already or has expired; start it again from Wharf' })
}
