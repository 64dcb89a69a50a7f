/**
 * The size limits on what a browser uploads to build or load (Settings, in MiB). A
 * declared Content-Length over the limit is refused before a byte is read; a body without
 * one (or lying about it) is counted as it arrives and cut off at the limit.
 */
import { Transform } from 'node:stream'
import { WharfError } from '../../shared/errors'

const MIB = 1024 * 1024

export interface UploadLimits {
  buildContextBytes: number
  imageArchiveBytes: number
}

export function uploadLimits(preferences: { buildContextLimitMb: number; imageArchiveLimitMb: number }): UploadLimits {
  return { buildContextBytes: preferences.buildContextLimitMb * MIB, imageArchiveBytes: preferences.imageArchiveLimitMb * MIB }
}

export function tooLarge(what: string, limit: number): WharfError {
  return new WharfError({
    code: 'invalid_input',
    message: `The ${what} is larger than the limit of ${Math.round(limit / MIB)} MiB (Settings → Uploads)`,
  })
}

/** Refuses a declared length over the limit, before reading anything. */
export function checkDeclared(what: string, length: number | undefined, limit: number): void {
  if (length !== undefined && length > limit) throw tooLarge(what, limit)
}

/** Passes bytes through, failing with `tooLarge` once more than `limit` have come. */
export function byteCounter(what: string, limit: number): Transform & { bytes: () => number } {
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      if (bytes > limit) done(tooLarge(what, limit))
      else done(null, chunk)
    },
  })
  return Object.assign(counter, { bytes: () => bytes })
}
