import type { RunIssue } from '@shared/run/validate'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** A validation issue in the user's language, with the list line it is about, if any. */
export function issueText(t: Translate, issue: RunIssue): string {
  const text = t(`run.issue.${issue.code}`, issue.params ?? {})
  const line = /^(env|labels|envFiles)\.(\d+)$/.exec(issue.field)
  return line ? t('run.onLine', { n: Number(line[2]) + 1, text }) : text
}
