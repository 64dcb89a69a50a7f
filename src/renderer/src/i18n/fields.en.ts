import { FIELD_TEXT, type FieldTextKey } from '@shared/fieldText'

/** The checks shared with main, in English: main's own words (src/shared/fieldText.ts), with the same {placeholders} vue-i18n fills. */
const fieldsEn: Record<FieldTextKey, string> = { ...FIELD_TEXT }
export default fieldsEn
