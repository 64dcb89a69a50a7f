import type { FileEntry } from '@shared/files'

/** A listed entry, with the container layer's mark when browsing a container. */
export type FileRow = FileEntry & { change?: 'A' | 'C' | 'D' }

/** Files dropped on the browser, folders walked, each with its path relative to the drop. */
export async function droppedFiles(items: DataTransferItemList): Promise<Array<{ file: File; path: string }>> {
  const entries = [...items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null)
  const out: Array<{ file: File; path: string }> = []
  async function walk(entry: FileSystemEntry, prefix: string): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
      out.push({ file, path: prefix + entry.name })
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
        if (!batch.length) break
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`)
      }
    }
  }
  for (const entry of entries) await walk(entry, '')
  return out
}

/** Previews: what a file's name says it is. */
export function imageMime(name: string): string | undefined {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  return {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    svg: 'image/svg+xml',
    bmp: 'image/bmp',
    ico: 'image/x-icon',
  }[ext]
}

/** `hexdump -C` lines. */
export function hexLines(bytes: Uint8Array, max = 4096): string[] {
  const lines: string[] = []
  for (let off = 0; off < bytes.length && lines.length < max; off += 16) {
    const row = bytes.subarray(off, off + 16)
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0'))
    const left = hex.slice(0, 8).join(' ')
    const right = hex.slice(8).join(' ')
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
    lines.push(`${off.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`)
  }
  return lines
}
