/** The tasks panel (pull, push). */
export default {
  button: 'Tasks',
  buttonRunning: 'Tasks ({n} running)',
  title: 'Tasks',
  empty: 'No pulls or pushes yet.',
  kind: { pull: 'Pull', push: 'Push', build: 'Build', load: 'Load', clone: 'Clone volume' },
  state: { running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' },
  cancel: 'Cancel',
  dismiss: 'Dismiss {subject}',
  progress: 'Progress of {subject}',
  log: 'Build output of {subject}',
}
