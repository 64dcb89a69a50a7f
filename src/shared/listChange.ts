/**
 * What a resource list's `*.changed` stream sends: the rows the engine's events touched,
 * fetched again (in the list's own shape), and the keys of rows that are gone. `relist`
 * says the change was too broad to send row by row (a prune): list again.
 */
export interface ListChange<T> {
  upsert: T[]
  remove: string[]
  relist: boolean
}
