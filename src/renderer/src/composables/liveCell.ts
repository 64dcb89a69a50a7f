import { defineComponent, type PropType, type VNodeChild } from 'vue'

/**
 * A table cell that reads its item itself. The list table keeps the same rows while only
 * the items change (a state, a status, a CPU figure), so the table body — hundreds of
 * cells whose inline styles Vue would set again — does not re-render; each cell does,
 * and patches only its own few nodes (P2).
 */
export function liveCell<T>(lookup: (id: string) => T | undefined) {
  return defineComponent({
    props: {
      id: { type: String, required: true },
      render: { type: Function as PropType<(item: T) => VNodeChild>, required: true },
    },
    setup(props) {
      return () => {
        const item = lookup(props.id)
        return item === undefined ? null : props.render(item)
      }
    },
  })
}
