/** Saves text the page already holds as a file: the browser's download, or Electron's save dialog. */
export function saveText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Released later rather than at once: a save dialog (Electron) may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
