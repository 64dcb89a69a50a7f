/** The list of every engine's containers (E3). */
export default {
  nav: 'All engines',
  title: 'Containers on all engines',
  count: '{shown} of {total} containers on {engines} engine | {shown} of {total} containers on {engines} engines',
  filterEngine: 'Filter by engine',
  everyEngine: 'All engines',
  empty: 'No containers on any connected engine.',
  listFailed: 'Could not list the containers of {engine}: {message}',
  onEngine: 'on {engine}',
  nameOn: '{name} on {engine}',
  connecting: '{engine}: connecting…',
  reconnecting: '{engine} stopped answering{why}. Reconnecting{retry}… {rows}',
  notConnected: '{engine}: {state}{why}. {rows}',
  why: ' ({error})',
  lastSeen: 'Its container is shown as it was last seen. | Its {n} containers are shown as they were last seen.',
  noneListed: 'Its containers are not listed.',
}
