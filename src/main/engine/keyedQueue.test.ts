import { describe, expect, it } from 'vitest'
import { KeyedQueue } from './keyedQueue'

describe('KeyedQueue', () => {
  it('runs tasks of one key in order, never overlapping, and other keys in parallel', async () => {
    const queue = new KeyedQueue()
    const log: string[] = []
    const task = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`)
        setTimeout(() => {
          log.push(`end ${name}`)
          resolve(name)
        }, ms)
      })
    const results = await Promise.all([queue.run('a', task('a1', 30)), queue.run('a', task('a2', 5)), queue.run('b', task('b1', 5))])
    expect(results).toEqual(['a1', 'a2', 'b1'])
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'))
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'))
    await new Promise((r) => setTimeout(r, 0))
    expect(queue.pending).toBe(0)
  })

  it('keeps going after a failure', async () => {
    const queue = new KeyedQueue()
    await expect(queue.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(queue.run('a', () => Promise.resolve(2))).resolves.toBe(2)
  })
})
