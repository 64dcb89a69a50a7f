/**
 * Streamed downloads and uploads: a ticket from the contract (main validates what is
 * asked), then the bytes over HTTP in browser mode (/download/<ticket>, /upload/<ticket>)
 * or over the desktop's wharf-download: scheme. XHR in the browser because it reports
 * upload progress; the reply to an upload is the usual envelope.
 */
import type { MethodInput } from '@shared/contract'
import { TRANSFER_SCHEME } from '@shared/contractNames'
import { isErrorData, WharfError, type Envelope } from '@shared/errors'
import { isDesktop, useApi } from '.'

export type DownloadRequest = MethodInput<'transfers.download'>
export type UploadRequest = MethodInput<'transfers.upload'>

function transferUrl(kind: 'download' | 'upload', ticket: string): string {
  return isDesktop() ? `${TRANSFER_SCHEME}://app/${kind}/${ticket}` : `/${kind}/${ticket}`
}

/** Starts a download from `engine` that the browser (or Electron's download manager) saves as a file. */
export async function startDownload(engine: string, request: DownloadRequest): Promise<void> {
  const { ticket } = await useApi().engine(engine).call('transfers.download', request)
  const link = document.createElement('a')
  link.href = transferUrl('download', ticket)
  link.download = ''
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}

function unwrap<T>(text: string, status: number): T {
  let envelope: Envelope<T> | undefined
  try {
    envelope = JSON.parse(text) as Envelope<T>
  } catch {
    throw new WharfError({ code: 'internal', message: text || `Upload failed (HTTP ${status})` })
  }
  if (envelope.ok) return envelope.result
  throw new WharfError(isErrorData(envelope.error) ? envelope.error : { code: 'internal', message: 'Upload failed' })
}

export async function upload<T = unknown>(
  engine: string,
  request: UploadRequest,
  body: Blob,
  onProgress?: (sent: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  const { ticket } = await useApi().engine(engine).call('transfers.upload', request)
  const url = transferUrl('upload', ticket)
  if (isDesktop()) {
    const res = await fetch(url, { method: 'POST', body, headers: { 'X-Wharf-Upload': '1' }, signal })
    const result = unwrap<T>(await res.text(), res.status)
    onProgress?.(body.size)
    return result
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('X-Wharf-Upload', '1')
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded)
    xhr.onload = () => {
      try {
        resolve(unwrap<T>(xhr.responseText, xhr.status))
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)))
      }
    }
    xhr.onerror = () => reject(new WharfError({ code: 'internal', message: 'The upload was cut off' }))
    xhr.onabort = () => reject(new WharfError({ code: 'internal', message: 'Upload cancelled' }))
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(body)
  })
}
