import { defineComponent, type PropType, type VNodeChild } from 'vue'

/**
 * One cell (or header) of a list table, drawn by its column's render function. A
 * component of its own so that what the render reads (a row's live state, the selection)
 * re-renders this cell only, and scrolling, which re-renders the table, leaves it alone
 * while its column and row are the same objects.
 */
export const ListCell = defineComponent({
  name: 'ListCell',
  props: {
    render: { type: Function as PropType<(row: never) => VNodeChild>, required: true },
    row: { type: null, default: undefined },
  },
  setup(props) {
    return () => props.render(props.row as never)
  },
})
