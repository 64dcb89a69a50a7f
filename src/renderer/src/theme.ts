import {
  alertDark,
  buttonDark,
  cardDark,
  checkboxDark,
  commonDark,
  dataTableDark,
  descriptionsDark,
  dialogDark,
  emptyDark,
  inputDark,
  layoutDark,
  messageDark,
  modalDark,
  radioDark,
  scrollbarDark,
  spaceDark,
  tagDark,
  type GlobalTheme,
  type GlobalThemeOverrides,
} from 'naive-ui'

/**
 * Latin text keeps the system's UI font; Chinese falls through to the first CJK font the
 * machine has (Linux's Noto/Source Han, macOS's PingFang, Windows's YaHei), so a page in
 * Chinese never shows boxes where a CJK font exists but is not the default.
 */
export const FONT_STACK = [
  'v-sans',
  'system-ui',
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
].join(', ')

/** Naive UI's own text (buttons, tables, dialogs) in the same stack. */
export const fontOverrides: GlobalThemeOverrides = { common: { fontFamily: FONT_STACK } }

/**
 * Dark theme of just the components Wharf uses. Naive's full `darkTheme` pulls in every
 * component's styles and roughly doubles the bundle and start-up time (P6).
 */
export const wharfDarkTheme: GlobalTheme = {
  name: 'dark',
  common: commonDark,
  Alert: alertDark,
  Button: buttonDark,
  Card: cardDark,
  Checkbox: checkboxDark,
  DataTable: dataTableDark,
  Descriptions: descriptionsDark,
  Dialog: dialogDark,
  Empty: emptyDark,
  Input: inputDark,
  Layout: layoutDark,
  Message: messageDark,
  Modal: modalDark,
  Radio: radioDark,
  Scrollbar: scrollbarDark,
  Space: spaceDark,
  Tag: tagDark,
}
