import type statusEn from './status.en'

/** 容器的状态行及其中的时长，写法对应 `docker ps`。 */
const statusZh: typeof statusEn = {
  status: {
    up: '运行中 {time}',
    running: '运行中',
    upPaused: '已暂停（已运行 {time}）',
    paused: '已暂停',
    exited: '已退出 ({code}) {time}前',
    exitedNoTime: '已退出 ({code})',
    restarting: '正在重启 ({code}) {time}前',
    restartingNoTime: '正在重启 ({code})',
    created: '已创建',
    removing: '正在删除',
    dead: '已失效',
    withHealth: '{status}（{health}）',
    health: { healthy: '健康', unhealthy: '不健康', starting: '健康检查中' },
  },
  age: {
    lessThanSecond: '不到 1 秒',
    seconds: '{n} 秒',
    aboutMinute: '约 1 分钟',
    minutes: '{n} 分钟',
    aboutHour: '约 1 小时',
    hours: '{n} 小时',
    days: '{n} 天',
    weeks: '{n} 周',
    months: '{n} 个月',
    years: '{n} 年',
  },
}
export default statusZh
