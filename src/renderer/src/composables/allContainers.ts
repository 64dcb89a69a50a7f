/**
 * The list of every engine's containers (E3): the engines' own stores merged, each
 * container tagged with its engine, and actions on a selection that may span engines —
 * each engine's share goes to that engine's store, which serializes and reports as in
 * its own pane.
 */
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ActionFailure, ActionOptions, ContainerAction } from '../stores/containers'
import { useEnginesStore } from '../stores/engines'
import { keyOf, type ListedContainer } from './containerRows'
import { createTagger, idsByEngine, mergeEngines } from './engineContainers'
import { useEveryEngineContainers, type ContainersStore } from './everyEngine'

export function useAllContainers() {
  const { t } = useI18n()
  const engines = useEnginesStore()
  const lists = useEveryEngineContainers()
  const tag = createTagger()

  const items = computed(() =>
    mergeEngines(
      lists.value.map(({ entry, store }) => ({ engine: entry.id, containers: store.byId.values() })),
      tag,
    ),
  )
  const byKey = computed(() => new Map(items.value.map((c) => [keyOf(c), c])))
  const loading = computed(() => lists.value.some(({ store }) => store.loading))
  /** Every connected engine has answered its first list (with the list, or with an error shown above it). */
  const loaded = computed(() =>
    lists.value.every(({ entry, store }) => store.loaded || !!store.error || entry.status.state !== 'connected'),
  )
  const errors = computed(() =>
    lists.value.flatMap(({ entry, store }) => (store.error ? [{ engine: entry.name, message: store.error }] : [])),
  )

  // Kept outside the render: a row's busy mark then depends on its own engine's busy map,
  // not on the engines list (which changes with every engine's state).
  const stores = new Map<string, ContainersStore>()
  watch(
    lists,
    (now) => {
      stores.clear()
      for (const { entry, store } of now) stores.set(entry.id, store)
    },
    { immediate: true, flush: 'sync' },
  )
  const busyOf = (c: ListedContainer): ContainerAction | undefined => (c.engine ? stores.get(c.engine)?.busy.get(c.id) : undefined)

  const containersOf = (keys: string[]): ListedContainer[] => keys.flatMap((key) => byKey.value.get(key) ?? [])

  /** Runs the action on each container's own engine; failures name the engine too. */
  async function act(keys: string[], action: ContainerAction, options: ActionOptions = {}): Promise<ActionFailure[]> {
    const work = [...idsByEngine(containersOf(keys))].map(async ([engine, ids]) => {
      const store = stores.get(engine)
      if (!store) return []
      const name = engines.byId(engine)?.name ?? engine
      const failures = await store.act(ids, action, options)
      return failures.map((f) => ({ ...f, name: t('allContainers.nameOn', { name: f.name, engine: name }) }))
    })
    return (await Promise.all(work)).flat()
  }

  async function load(): Promise<void> {
    await Promise.all(lists.value.filter(({ entry }) => entry.status.state === 'connected').map(({ store }) => store.load()))
  }

  return { lists, items, byKey, loading, loaded, errors, busyOf, containersOf, act, load }
}
