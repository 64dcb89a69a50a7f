import { parseDockerRun, type CliProblem } from '@shared/run/cliParse'
import { runSpecToArgs } from '@shared/run/cliRender'
import { joinShellWords, quoteWord, splitShellWords } from '@shared/run/shellWords'
import { emptyRunSpec, type RunSpec } from '@shared/run/spec'
import { validateRunSpec, type RunIssue } from '@shared/run/validate'
import { computed, inject, provide, reactive, ref, watch, type InjectionKey } from 'vue'

/** Fields typed as free text and kept as lists in the spec; the text is the user's, not re-rendered. */
export interface RunTexts {
  command: string
  entrypoint: string
  env: string
  envFiles: string
  labels: string
  aliases: string
  volumesFrom: string
  ulimits: string
  capAdd: string
  capDrop: string
  devices: string
  logOpts: string
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
const words = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean)

function textsOf(spec: RunSpec): RunTexts {
  return {
    command: joinShellWords(spec.command),
    entrypoint: spec.entrypoint ?? '',
    env: spec.env.join('\n'),
    envFiles: spec.envFiles.join('\n'),
    labels: spec.labels.join('\n'),
    aliases: spec.aliases.join(' '),
    volumesFrom: spec.volumesFrom.join(' '),
    ulimits: spec.ulimits.join('\n'),
    capAdd: spec.capAdd.join(' '),
    capDrop: spec.capDrop.join(' '),
    devices: spec.devices.join('\n'),
    logOpts: spec.logOpts.join('\n'),
  }
}

/**
 * The run form's state: the spec, the free-text fields that feed it, its issues, and
 * its CLI twin. "Required" shows only after a submit attempt, so an empty form does not
 * open in red; every other issue shows as soon as it exists.
 */
export function useRunForm(initial: RunSpec = emptyRunSpec()) {
  const spec = reactive<RunSpec>(structuredClone(initial))
  const texts = reactive<RunTexts>(textsOf(initial))
  const attempted = ref(false)
  const problems = ref<CliProblem[]>([])
  /** Messages main sent back for fields, keyed by spec path, until the field changes. */
  const serverIssues = ref<Record<string, string>>({})

  watch(
    () => ({ ...texts }),
    (t) => {
      spec.command = splitShellWords(t.command).words
      spec.entrypoint = t.entrypoint === '' ? null : t.entrypoint
      spec.env = lines(t.env)
      spec.envFiles = lines(t.envFiles)
      spec.labels = lines(t.labels)
      spec.aliases = words(t.aliases)
      spec.volumesFrom = words(t.volumesFrom)
      spec.ulimits = lines(t.ulimits)
      spec.capAdd = words(t.capAdd)
      spec.capDrop = words(t.capDrop)
      spec.devices = lines(t.devices)
      spec.logOpts = lines(t.logOpts)
    },
  )
  watch(
    () => JSON.stringify(spec),
    () => (serverIssues.value = {}),
  )

  const issues = computed<RunIssue[]>(() => validateRunSpec(spec))
  /** The twin's words, shell-quoted: shown one unbreakable word at a time, copied joined. */
  const commandWords = computed(() => runSpecToArgs(spec).map(quoteWord))
  const commandLine = computed(() => commandWords.value.join(' '))

  /** Issues at this field or below it (e.g. "env" gets "env.3"). */
  function issuesAt(field: string): RunIssue[] {
    return issues.value.filter((i) => (i.field === field || i.field.startsWith(`${field}.`)) && (attempted.value || i.code !== 'required'))
  }

  function load(next: RunSpec): void {
    Object.assign(spec, structuredClone(next))
    Object.assign(texts, textsOf(next))
  }

  function paste(line: string): void {
    const parsed = parseDockerRun(line)
    problems.value = parsed.problems
    load(parsed.spec)
  }

  function reset(): void {
    load(emptyRunSpec())
    attempted.value = false
    problems.value = []
  }

  return { spec, texts, attempted, problems, serverIssues, issues, issuesAt, commandWords, commandLine, load, paste, reset }
}

export type RunForm = ReturnType<typeof useRunForm>

const RUN_FORM: InjectionKey<RunForm> = Symbol('run-form')

/** The run form's sections edit one shared form; the page provides it. */
export function provideRunForm(form: RunForm): void {
  provide(RUN_FORM, form)
}

export function injectRunForm(): RunForm {
  const form = inject(RUN_FORM)
  if (!form) throw new Error('injectRunForm() outside a run form page')
  return form
}
