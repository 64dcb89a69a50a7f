import { fieldKeyOf } from '@shared/fieldText'
import { useI18n } from 'vue-i18n'

/** Shows a shared check's message (and the same words in main's errors) in the user's language; other text as it is. */
export function useFieldMessages(): (message: string) => string {
  const { t } = useI18n()
  return (message) => {
    const found = fieldKeyOf(message)
    return found ? t(`fields.${found.key}`, found.params) : message
  }
}
