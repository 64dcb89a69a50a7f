/** The upload queue of a file browser: one request per file, in order, each with its progress. */
import type { FileTarget } from '@shared/files'
import { ref, type Ref } from 'vue'
import { upload } from '../api/transfers'
import { errorText } from '@shared/errorText'

export interface UploadItem {
  id: number
  name: string
  size: number
  sent: number
  state: 'queued' | 'sending' | 'done' | 'failed'
  error?: string
}

export function useFileUploads(engine: string, target: Ref<FileTarget>, onDone: () => void) {
  const items = ref<UploadItem[]>([])
  let nextId = 1
  let chain = Promise.resolve()

  function patch(id: number, change: Partial<UploadItem>): void {
    items.value = items.value.map((i) => (i.id === id ? { ...i, ...change } : i))
  }

  function enqueue(name: string, size: number, send: (progress: (sent: number) => void) => Promise<unknown>): void {
    const id = nextId++
    items.value = [...items.value, { id, name, size, sent: 0, state: 'queued' }]
    chain = chain.then(async () => {
      patch(id, { state: 'sending' })
      try {
        await send((sent) => patch(id, { sent }))
        patch(id, { state: 'done', sent: size })
      } catch (err) {
        patch(id, { state: 'failed', error: errorText(err) })
      }
      onDone()
    })
  }

  /** Files (a dropped folder's files carry their relative paths) into `dir`. */
  function send(files: Array<{ file: File; path: string }>, dir: string): void {
    const into = target.value
    for (const { file, path } of files)
      enqueue(path, file.size, (progress) =>
        upload(engine, { kind: 'files', target: into, dir, file: path, size: file.size }, file, progress),
      )
  }

  /** A .tar or .tar.gz extracted into `dir` after main has checked every entry. */
  function extract(file: File, dir: string): void {
    const into = target.value
    enqueue(file.name, file.size, (progress) => upload(engine, { kind: 'extract', target: into, dir }, file, progress))
  }

  function clearFinished(): void {
    items.value = items.value.filter((i) => i.state === 'queued' || i.state === 'sending')
  }

  return { items, send, extract, clearFinished }
}
