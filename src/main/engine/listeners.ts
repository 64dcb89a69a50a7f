/** A tiny typed listener set: services fan engine happenings out to subscribers. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>()

  add(listener: (value: T) => void): () => void {
    this.set.add(listener)
    return () => {
      this.set.delete(listener)
    }
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value)
      } catch (err) {
        // One broken subscriber must not starve the others or crash main.
        console.error('wharf: listener failed', err)
      }
    }
  }

  get size(): number {
    return this.set.size
  }
}
