/**
 * The Engine pane's live events: one `engine.events` subscription for as long as the
 * pane is open (its scope), into a bounded EventBuffer. Leaving the pane closes the
 * stream in main.
 */
import type { WharfError } from '@shared/errors'
import { markRaw, onScopeDispose, ref, shallowRef } from 'vue'
import { EventBuffer, type BufferedEvent } from './eventBuffer'
import { useEngineApi } from './engineScope'

export function useEngineEvents() {
  const api = useEngineApi()
  const buffer = markRaw(new EventBuffer())
  const shown = shallowRef<BufferedEvent[]>([])
  const waiting = ref(0)
  const paused = ref(false)
  const dropped = ref(0)
  const lost = ref(0)
  const error = ref<string | null>(null)

  function sync(): void {
    shown.value = buffer.shown
    waiting.value = buffer.waiting.length
    paused.value = buffer.paused
    dropped.value = buffer.dropped
    lost.value = buffer.lost
  }

  const stop = api.subscribe(
    'engine.events',
    {},
    (batch) => {
      buffer.add(batch)
      sync()
    },
    (err?: WharfError) => {
      if (err) error.value = err.message
    },
  )
  onScopeDispose(stop)

  return {
    shown,
    waiting,
    paused,
    dropped,
    lost,
    error,
    pause: () => (buffer.pause(), sync()),
    resume: () => (buffer.resume(), sync()),
    clear: () => (buffer.clear(), sync()),
  }
}

export type EngineEvents = ReturnType<typeof useEngineEvents>
