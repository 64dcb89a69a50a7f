/**
 * The "New terminal" form: its model, and the same rules main applies (terminalSchemas)
 * checked as the user types, so mistakes show next to the field before anything is sent.
 */
import { splitShellWords } from '@shared/run/shellWords'
import { execInput, attachInput } from '@shared/terminalSchemas'
import type { OpenSpec } from '../stores/terminals'

export interface TerminalForm {
  container: string
  mode: 'exec' | 'attach'
  command: string
  user: string
  workdir: string
  /** One KEY=VALUE per line. */
  env: string
  detachKeys: string
}

export type TerminalFormField = keyof TerminalForm
export type TerminalFormIssue =
  | { field: TerminalFormField; code: 'required' | 'unclosedQuote' }
  | { field: 'env'; code: 'badEnv'; line: number }
  | { field: TerminalFormField; code: 'rule'; message: string }

export function emptyTerminalForm(container = ''): TerminalForm {
  return { container, mode: 'exec', command: '', user: '', workdir: '', env: '', detachKeys: 'ctrl-p,ctrl-q' }
}

/** The spec to open on `engine`, or the issues that stop it. Schema messages are main's own words. */
export function checkTerminalForm(form: TerminalForm, engine: string): { spec?: OpenSpec; issues: TerminalFormIssue[] } {
  const issues: TerminalFormIssue[] = []
  if (!form.container) issues.push({ field: 'container', code: 'required' })
  if (form.mode === 'attach') {
    const detachKeys = form.detachKeys.trim()
    const parsed = attachInput.shape.detachKeys.safeParse(detachKeys)
    if (!parsed.success) issues.push({ field: 'detachKeys', code: 'rule', message: parsed.error.issues[0].message })
    return issues.length ? { issues } : { spec: { kind: 'attach', engine, container: form.container, detachKeys }, issues }
  }
  const words = splitShellWords(form.command)
  if (words.unterminated) issues.push({ field: 'command', code: 'unclosedQuote' })
  const env = form.env
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  env.forEach((entry, i) => {
    if (!/^[^=\s][^=]*=/.test(entry)) issues.push({ field: 'env', code: 'badEnv', line: i + 1 })
  })
  for (const field of ['user', 'workdir'] as const) {
    const parsed = execInput.shape[field].safeParse(form[field].trim())
    if (!parsed.success) issues.push({ field, code: 'rule', message: parsed.error.issues[0].message })
  }
  if (issues.length) return { issues }
  const spec: OpenSpec = {
    kind: 'exec',
    engine,
    container: form.container,
    ...(words.words.length ? { command: words.words } : {}),
    ...(form.user.trim() ? { user: form.user.trim() } : {}),
    ...(form.workdir.trim() ? { workdir: form.workdir.trim() } : {}),
    ...(env.length ? { env } : {}),
  }
  return { spec, issues }
}
