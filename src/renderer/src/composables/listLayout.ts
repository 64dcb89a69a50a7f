/**
 * One list's layout (hidden columns, dragged widths, sort), kept in the settings so it
 * is the same after a reload or on another window. A change shows at once and is saved
 * in the background; only this list's entry is sent (main merges it with the others).
 */
import type { ListLayout } from '@shared/settings'
import { computed, ref, watch } from 'vue'
import { useSettingsStore } from '../stores/settings'
import type { ListSort } from './listColumns'

export function useListLayout(id: string, defaultSort?: ListSort) {
  const settings = useSettingsStore()
  const saved = computed(() => settings.preferences.lists[id])
  const fresh = (): ListLayout => ({ hidden: [], widths: {}, sort: defaultSort })
  const layout = ref<ListLayout>(saved.value ?? fresh())
  // The settings arrive after the first paint; what the user changed meanwhile is kept.
  let touched = false
  watch(saved, (next) => {
    if (next && !touched) layout.value = next
  })

  function save(next: ListLayout): void {
    touched = true
    layout.value = next
    void settings.update({ lists: { [id]: next } })
  }

  return {
    layout,
    sort: computed(() => layout.value.sort ?? defaultSort),
    setSort: (sort: ListSort) => save({ ...layout.value, sort }),
    setWidth: (key: string, width: number) => save({ ...layout.value, widths: { ...layout.value.widths, [key]: Math.round(width) } }),
    resetWidth: (key: string) => {
      const { [key]: _gone, ...widths } = layout.value.widths
      save({ ...layout.value, widths })
    },
    toggleColumn: (key: string) => {
      const hidden = layout.value.hidden.includes(key) ? layout.value.hidden.filter((k) => k !== key) : [...layout.value.hidden, key]
      save({ ...layout.value, hidden })
    },
  }
}

export type ListLayoutControl = ReturnType<typeof useListLayout>
