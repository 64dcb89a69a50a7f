import type { StatsSample } from '../../shared/types'

/** The parts of a `GET /containers/{id}/stats` frame Wharf reads (cgroup v1 and v2). */
export interface EngineStats {
  read?: string
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number }
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number }
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> }
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null }
  pids_stats?: { current?: number }
}

/** CPU % and memory as `docker stats` computes them (memory excludes the page cache). */
export function toStatsSample(stats: EngineStats): StatsSample {
  const cpu = stats.cpu_stats ?? {}
  const pre = stats.precpu_stats ?? {}
  const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0)
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0)
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0

  const memory = stats.memory_stats ?? {}
  const memStats = memory.stats ?? {}
  const cache = memStats.total_inactive_file ?? memStats.inactive_file ?? memStats.cache ?? 0
  const memoryUsed = Math.max(0, (memory.usage ?? 0) - (cache < (memory.usage ?? 0) ? cache : 0))

  let netRx = 0
  let netTx = 0
  for (const net of Object.values(stats.networks ?? {})) {
    netRx += net.rx_bytes ?? 0
    netTx += net.tx_bytes ?? 0
  }
  let blockRead = 0
  let blockWrite = 0
  for (const entry of stats.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.toLowerCase()
    if (op === 'read') blockRead += entry.value ?? 0
    else if (op === 'write') blockWrite += entry.value ?? 0
  }
  const read = stats.read ? Date.parse(stats.read) : NaN
  return {
    time: Number.isFinite(read) && read > 0 ? read : Date.now(),
    cpuPercent,
    onlineCpus,
    memoryUsed,
    memoryLimit: memory.limit ?? 0,
    netRx,
    netTx,
    blockRead,
    blockWrite,
    pids: stats.pids_stats?.current ?? 0,
  }
}
