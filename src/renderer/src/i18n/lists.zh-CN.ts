/** 列表（容器、镜像、卷、网络）：列、行菜单、键盘。 */
export default {
  loading: '正在加载…',
  columns: '选择列',
  resize: '调整“{column}”列的宽度',
  resizeHint: '拖动以调整宽度；双击恢复',
  noRoom: '{column}（窗口更宽时显示）',
  rowAction: '{action} {name}',
  more: '{name} 的更多操作',
  openTerminal: '在 {name} 中打开终端',
}
