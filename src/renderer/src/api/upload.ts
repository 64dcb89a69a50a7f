/**
 * Streamed uploads to main (volume and container files, archives, restores): browser
 * mode POSTs to /upload/…, the desktop app to its wharf-download: scheme. XHR in the
 * browser because it reports upload progress; the reply is the usual envelope.
 */
import { isErrorData, WharfError, type Envelope } from '@shared/errors'
import { isDesktop } from '.'

export function uploadUrl(path: string): string {
  return isDesktop() ? `wharf-download://app/upload/${path}` : `/upload/${path}`
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

export function upload<T = unknown>(path: string, body: Blob, onProgress?: (sent: number) => void, signal?: AbortSignal): Promise<T> {
  if (isDesktop()) {
    return fetch(uploadUrl(path), { method: 'POST', body, headers: { 'X-Wharf-Upload': '1' }, signal }).then(async (res) =>
      unwrap<T>(await res.text(), res.status),
    )
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', uploadUrl(path))
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
