/** The words of a thrown value: an Error's message, or the value itself as text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
