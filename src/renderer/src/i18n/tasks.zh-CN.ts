/** 任务面板（拉取、推送、构建、导入、克隆）。 */
export default {
  button: '任务',
  buttonRunning: '任务（{n} 个进行中）',
  title: '任务',
  empty: '还没有任务：拉取、推送、构建、导入和克隆数据卷会显示在这里。',
  kind: { pull: '拉取', push: '推送', build: '构建', load: '导入', clone: '克隆数据卷', compose: 'Compose', stack: '栈' },
  state: { running: '进行中', done: '完成', failed: '失败', cancelled: '已取消' },
  collapse: '收起任务面板',
  expand: '展开任务面板',
  cancel: '取消',
  dismiss: '移除 {subject}',
  progress: '{subject} 的进度',
  log: '{subject} 的构建输出',
}
