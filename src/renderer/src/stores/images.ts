/**
 * The image list. Image events (pull, tag, untag, delete, load, build) and container
 * create/destroy (which change "used by") trigger one re-list, debounced: a pull or a
 * prune emits a burst of events and the list is small, so listing again is simpler and
 * as cheap as patching. Subscribed before the first list, so nothing is missed.
 */
import { WharfError } from '@shared/errors'
import type { ImagePruneResult } from '@shared/images'
import type { ImageSummary } from '@shared/types'
import { defineStore } from 'pinia'
import { onScopeDispose, ref, watch } from 'vue'
import { useApi } from '../api'
import { useEngineStore } from './engine'

const SETTLE_MS = 150

export const useImagesStore = defineStore('images', () => {
  const api = useApi()
  const engine = useEngineStore()
  const items = ref<ImageSummary[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  let revision = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const unsubscribe = api.subscribe('images.changed', {}, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void load(), SETTLE_MS)
  })
  onScopeDispose(() => {
    unsubscribe()
    clearTimeout(timer)
  })

  async function load(): Promise<void> {
    const mine = ++revision
    loading.value = true
    try {
      const list = await api.call('images.list', {})
      if (mine !== revision) return
      items.value = list.sort((a, b) => b.created - a.created)
      loaded.value = true
      error.value = null
    } catch (err) {
      if (mine === revision) error.value = message(err)
    } finally {
      if (mine === revision) loading.value = false
    }
  }

  watch(
    () => engine.connected,
    (connected) => {
      if (connected) void load()
    },
    { immediate: true },
  )

  /** Removes each image (by id) or tag (by name); returns the failures in the engine's words. */
  async function remove(refs: Array<{ ref: string; label: string }>, force: boolean): Promise<string[]> {
    const failures: string[] = []
    for (const { ref, label } of refs) {
      try {
        await api.call('images.remove', { id: ref, force })
      } catch (err) {
        failures.push(`${label}: ${message(err)}`)
      }
    }
    await load()
    return failures
  }

  async function prune(all: boolean): Promise<ImagePruneResult> {
    const result = await api.call('images.prune', { all })
    await load()
    return result
  }

  return { items, loading, loaded, error, load, remove, prune }
})

function message(err: unknown): string {
  return err instanceof WharfError || err instanceof Error ? err.message : String(err)
}
