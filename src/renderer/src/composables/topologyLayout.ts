/**
 * Lays the topology out (N5): networks across the top, each with a trunk line down the
 * left of its column; each container sits in the column of the first network it is on,
 * joined to the trunk by a branch, and containers sharing another's network namespace
 * sit indented under it with a dashed link. Further networks of a container are drawn
 * as curves to their boxes. Pure, so it is tested without a browser.
 */
import type { Topology, TopologyContainer } from '@shared/networks'

export const NET_W = 210
export const NET_H = 46
export const BOX_W = 190
const LINE = 15
const GAP_X = 40
const GAP_Y = 22
const TOP = 16
const TRUNK = 10
const INDENT = 26

export interface PlacedNetwork {
  id: string
  name: string
  driver: string
  subnet?: string
  x: number
  y: number
}
export interface PlacedContainer extends TopologyContainer {
  x: number
  y: number
  h: number
  /** The second line: ports, state, or whose network it shares. */
  host?: string
}
export interface Edge {
  d: string
  kind: 'trunk' | 'branch' | 'extra' | 'joined'
}

export function boxHeight(c: TopologyContainer): number {
  return 26 + LINE * (1 + Math.max(c.endpoints.length, 0))
}

export function layoutTopology(
  topology: Topology,
  showIdle: boolean,
): { networks: PlacedNetwork[]; containers: PlacedContainer[]; edges: Edge[]; width: number; height: number } {
  const byName = new Map(topology.networks.map((n) => [n.name, n]))
  const hostOf = (c: TopologyContainer): TopologyContainer | undefined =>
    c.joinedTo
      ? topology.containers.find(
          (o) => o.id !== c.id && (o.id === c.joinedTo || o.id.startsWith(c.joinedTo ?? '') || o.name === c.joinedTo),
        )
      : undefined
  const columns = new Map<string, TopologyContainer[]>()
  const orphans: TopologyContainer[] = []
  for (const c of topology.containers) {
    if (hostOf(c)) continue
    const first = c.endpoints.find((e) => byName.has(e.network))?.network
    if (first) columns.set(first, [...(columns.get(first) ?? []), c])
    else orphans.push(c)
  }
  const shown = topology.networks.filter((n) => showIdle || topology.containers.some((c) => c.endpoints.some((e) => e.network === n.name)))
  const networks: PlacedNetwork[] = shown.map((n, i) => ({ ...n, x: 16 + i * (NET_W + GAP_X), y: TOP }))
  const netPos = new Map(networks.map((n) => [n.name, n]))
  const containers: PlacedContainer[] = []
  const edges: Edge[] = []
  const place = (c: TopologyContainer, x: number, y: number, host?: TopologyContainer): number => {
    const h = boxHeight(c)
    containers.push({ ...c, x, y, h, host: host?.name })
    let next = y + h + GAP_Y
    for (const guest of topology.containers.filter((o) => hostOf(o)?.id === c.id)) {
      const gy = next
      edges.push({ d: `M ${x + 8} ${y + h} V ${gy + boxHeight(guest) / 2} H ${x + INDENT}`, kind: 'joined' })
      next = place(guest, x + INDENT, gy, c)
    }
    return next
  }
  let bottom = TOP + NET_H
  for (const n of networks) {
    let y = TOP + NET_H + GAP_Y
    const trunkX = n.x + TRUNK
    let lastMid = 0
    for (const c of columns.get(n.name) ?? []) {
      const mid = y + boxHeight(c) / 2
      edges.push({ d: `M ${trunkX} ${mid} H ${n.x + INDENT}`, kind: 'branch' })
      lastMid = mid
      y = place(c, n.x + INDENT, y)
    }
    if (lastMid) edges.push({ d: `M ${trunkX} ${n.y + NET_H} V ${lastMid}`, kind: 'trunk' })
    bottom = Math.max(bottom, y)
  }
  let x = 16 + networks.length * (NET_W + GAP_X)
  for (const c of orphans) {
    bottom = Math.max(bottom, place(c, x, TOP + NET_H + GAP_Y))
    x += BOX_W + GAP_X
  }
  // A container's other networks: a curve from its top-right corner to that network's box.
  for (const c of containers) {
    const primary = c.endpoints.find((e) => byName.has(e.network))?.network
    for (const e of c.endpoints) {
      const n = netPos.get(e.network)
      if (!n || e.network === primary || c.host) continue
      const fx = c.x + BOX_W - 12
      const tx = n.x + NET_W / 2
      edges.push({ d: `M ${fx} ${c.y} C ${fx} ${c.y - 30}, ${tx} ${n.y + NET_H + 30}, ${tx} ${n.y + NET_H}`, kind: 'extra' })
    }
  }
  const width = Math.max(320, ...networks.map((n) => n.x + NET_W), ...containers.map((c) => c.x + BOX_W)) + 16
  return { networks, containers, edges, width, height: bottom + 8 }
}
