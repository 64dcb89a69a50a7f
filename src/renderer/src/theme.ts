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
} from 'naive-ui'

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
