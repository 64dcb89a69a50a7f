/**
 * What an owner must undo when it goes (an engine scope, a session): each `add`ed undo
 * runs once, newest first, on `dispose`. One call tears down everything, instead of
 * hand-kept arrays of disposers that a new field can be forgotten from.
 */
export type Dispose = () => void | Promise<void>

export class DisposableStore {
  private readonly undo: Dispose[] = []
  private disposed = false

  /** Adds an undo; if the store is already disposed, runs it at once. */
  add<T extends Dispose>(dispose: T): T {
    if (this.disposed) void dispose()
    else this.undo.push(dispose)
    return dispose
  }

  get isDisposed(): boolean {
    return this.disposed
  }

  /** Runs every undo (newest first); one that fails does not stop the others. */
  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    for (const undo of this.undo.splice(0).reverse()) {
      try {
        await undo()
      } catch (err) {
        console.error('wharf: a dispose step failed', err)
      }
    }
  }
}
