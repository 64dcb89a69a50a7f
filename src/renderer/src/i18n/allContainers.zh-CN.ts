/** 全部引擎的容器列表（E3）。 */
export default {
  nav: '全部引擎',
  title: '全部引擎的容器',
  count: '{engines} 个引擎，共 {total} 个容器，显示 {shown} 个',
  filterEngine: '按引擎筛选',
  everyEngine: '全部引擎',
  empty: '已连接的引擎上都没有容器。',
  listFailed: '无法列出 {engine} 的容器：{message}',
  onEngine: '在 {engine} 上',
  nameOn: '{engine} 上的 {name}',
  connecting: '{engine}：正在连接…',
  reconnecting: '{engine} 停止响应{why}。正在重新连接{retry}… {rows}',
  notConnected: '{engine}：{state}{why}。{rows}',
  why: '（{error}）',
  lastSeen: '它的 {n} 个容器按最后一次看到的状态显示。',
  noneListed: '没有列出它的容器。',
}
