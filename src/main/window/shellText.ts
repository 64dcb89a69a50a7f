/**
 * The few words the desktop shell itself shows (a menu item, task notifications), in the
 * app's two languages. They live in main, not in the renderer's vue-i18n messages: the
 * menu exists before any page, and a notification can outlive the window.
 */
import type { TaskKind } from '../../shared/tasks'

export type ShellLocale = 'en' | 'zh-CN'

export interface ShellText {
  helpReadme: string
  kind: Record<TaskKind, string>
  finished: (kind: string) => string
  failed: (kind: string) => string
}

const text: Record<ShellLocale, ShellText> = {
  en: {
    helpReadme: 'Wharf Documentation',
    kind: { pull: 'Pull', push: 'Push', build: 'Build', load: 'Image load', clone: 'Volume clone', compose: 'Compose', stack: 'Stack' },
    finished: (kind) => `${kind} finished`,
    failed: (kind) => `${kind} failed`,
  },
  'zh-CN': {
    helpReadme: 'Wharf 使用说明',
    kind: { pull: '拉取', push: '推送', build: '构建', load: '导入镜像', clone: '克隆数据卷', compose: 'Compose', stack: '栈' },
    finished: (kind) => `${kind}完成`,
    failed: (kind) => `${kind}失败`,
  },
}

/** Chinese for any zh locale (as the renderer picks it), English otherwise. */
export function shellLocale(locale: string | undefined): ShellLocale {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function shellText(locale: ShellLocale): ShellText {
  return text[locale]
}
