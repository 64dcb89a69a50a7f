/** The list tables (containers, images, volumes, networks): columns, row menus, keyboard. */
export default {
  loading: 'Loading…',
  columns: 'Choose columns',
  resize: 'Resize the {column} column',
  resizeHint: 'Drag to resize; double-click to reset',
  noRoom: '{column} (needs a wider window)',
  /** A row's action button, named with the row: "Stop web". */
  rowAction: '{action} {name}',
  more: 'More actions for {name}',
  openTerminal: 'Open a terminal in {name}',
}
