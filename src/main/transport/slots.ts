/** A count with a ceiling, for limits per purpose: concurrent downloads, uploads, API sockets of a session. */
export class Slots {
  private used = 0

  constructor(readonly max: number) {}

  get inUse(): number {
    return this.used
  }

  /** A release function when a slot was free (calling it twice frees one slot only), else undefined. */
  take(): (() => void) | undefined {
    if (this.used >= this.max) return undefined
    this.used++
    let released = false
    return () => {
      if (released) return
      released = true
      this.used--
    }
  }
}
