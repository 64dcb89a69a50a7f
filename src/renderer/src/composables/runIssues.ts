import type { RunIssue } from '@shared/run/validate'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** A validation issue in the user's language, with the list line it is about, if any. */
export function issueText(t: Translate, issue: RunIssue): string {
  const text = t(`run.issue.${issue.code}`, issue.params ?? {})
  const line = /^(env|labels|envFiles|ulimits|devices|logOpts)\.(\d+)$/.exec(issue.field)
  return line ? t('run.onLine', { n: Number(line[2]) + 1, text }) : text
}

/** Every message for a field and its rows: the form's own checks, then main's answer. */
export function fieldErrors(
  t: Translate,
  form: { issuesAt: (field: string) => RunIssue[]; serverIssues: { value: Record<string, string> } },
  field: string,
): string[] {
  const local = form.issuesAt(field).map((issue) => issueText(t, issue))
  const remote = Object.entries(form.serverIssues.value)
    .filter(([path]) => path === `spec.${field}` || path.startsWith(`spec.${field}.`))
    .map(([, message]) => message)
  return [...local, ...remote]
}
