/** The tasks dock (pull, push, build, load, clone). */
export default {
  button: 'Tasks',
  buttonRunning: 'Tasks ({n} running)',
  title: 'Tasks',
  empty: 'No tasks yet: pulls, pushes, builds, loads and volume clones show here.',
  kind: { pull: 'Pull', push: 'Push', build: 'Build', load: 'Load', clone: 'Clone volume', compose: 'Compose', stack: 'Stack' },
  state: { running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' },
  collapse: 'Collapse the tasks panel',
  expand: 'Expand the tasks panel',
  cancel: 'Cancel',
  dismiss: 'Dismiss {subject}',
  progress: 'Progress of {subject}',
  log: 'Build output of {subject}',
}
