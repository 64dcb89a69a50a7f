/**
 * P8: scale of the images, volumes and networks panes. On the bench engine: 2,000 names
 * of one image (tags are cheap), 500 volumes and 300 networks. Browser mode as a user
 * starts it, in Chromium: from the Containers pane, the sidebar link to each pane; the
 * figure is the time from its list arriving in the page to the frame after its rows are
 * painted (the marks the list store leaves, as P1's renderer figure). Then the pane's
 * search, until the one matching row is the only one shown. Everything made is removed.
 */
import type Dockerode from 'dockerode'
import type { Page } from 'playwright-core'
import { launchChromium, startServer } from './browserServer'
import { inBatches, median } from './support'

export const P8 = { images: 2000, volumes: 500, networks: 300 }
const LABEL = 'wharf.bench.p8'
const REPO = 'wharf-bench-p8/img'
const BASE_IMAGE = 'wharf-test/busybox:latest'
const tagOf = (i: number): string => `t${String(i).padStart(4, '0')}`

export interface PaneFigure {
  /** Rows in the pane's list (what else is on the engine included). */
  rows: number
  /** List received → painted, median of the rounds. */
  shownMs: number
  shownMax: number
  /** Typing a unique name into the search → only its row shown. */
  searchMs: number
}

export interface P8Result {
  rounds: number
  images: PaneFigure
  volumes: PaneFigure
  networks: PaneFigure
}

async function populate(docker: Dockerode): Promise<void> {
  const image = docker.getImage(BASE_IMAGE)
  await inBatches(
    Array.from({ length: P8.images }, (_, i) => i),
    8,
    (i) => image.tag({ repo: REPO, tag: tagOf(i) }),
  )
  await inBatches(
    Array.from({ length: P8.volumes }, (_, i) => i),
    8,
    (i) => docker.createVolume({ Name: `wharf-bench-p8-vol-${String(i).padStart(4, '0')}`, Labels: { [LABEL]: '1' } }),
  )
  // Explicit subnets: the engine's default pools hold only ~30 bridge networks.
  await inBatches(
    Array.from({ length: P8.networks }, (_, i) => i),
    4,
    (i) =>
      docker.createNetwork({
        Name: `wharf-bench-p8-net-${String(i).padStart(4, '0')}`,
        Labels: { [LABEL]: '1' },
        IPAM: { Driver: 'default', Config: [{ Subnet: `10.${198 + Math.floor(i / 256)}.${i % 256}.0/24` }] },
      }),
  )
}

export async function cleanupP8(docker: Dockerode): Promise<void> {
  const images = await docker.listImages({ filters: { reference: [`${REPO}:*`] } })
  const tags = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t.startsWith(`${REPO}:`)))
  await inBatches(tags, 8, (t) =>
    docker
      .getImage(t)
      .remove()
      .catch(() => undefined),
  )
  const { Volumes } = await docker.listVolumes({ filters: { label: [LABEL] } })
  await inBatches(Volumes ?? [], 8, (v) =>
    docker
      .getVolume(v.Name)
      .remove()
      .catch(() => undefined),
  )
  const networks = await docker.listNetworks({ filters: { label: [LABEL] } })
  await inBatches(networks, 4, (n) =>
    docker
      .getNetwork(n.Id)
      .remove()
      .catch(() => undefined),
  )
}

interface Pane {
  key: keyof typeof P8
  link: string
  search: string
  /** A name only one row has. */
  unique: string
}

const panes: Pane[] = [
  { key: 'images', link: 'Images', search: 'Search images', unique: `${REPO}:${tagOf(1234)}` },
  { key: 'volumes', link: 'Volumes', search: 'Search volumes', unique: 'wharf-bench-p8-vol-0321' },
  { key: 'networks', link: 'Networks', search: 'Search networks', unique: 'wharf-bench-p8-net-0213' },
]

const gridRows = (page: Page) => page.locator('.list-table .tr[role="row"]')

async function openPane(page: Page, pane: Pane): Promise<{ shownMs: number; rows: number; searchMs: number }> {
  await page.evaluate((key) => performance.clearMeasures(`wharf:${key}-list-shown`), pane.key)
  await page.getByRole('link', { name: pane.link, exact: true }).click()
  const handle = await page.waitForFunction((key) => performance.getEntriesByName(`wharf:${key}-list-shown`)[0]?.duration, pane.key, {
    timeout: 60_000,
  })
  const shownMs = await handle.jsonValue()
  const rows = Number(
    /(\d[\d,]*)/.exec((await page.locator('.wharf-pane-count').innerText()).replace(/^\d[\d,]* of /, ''))?.[1].replace(/,/g, '') ?? 0,
  )
  const search = page.getByRole('searchbox', { name: pane.search })
  const t0 = await page.evaluate(() => performance.now())
  await search.fill(pane.unique)
  const found = await page.waitForFunction(
    ({ since, unique }) => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } })
        .document
      const shown = Array.from(doc.querySelectorAll('.list-table .tr[role="row"]'))
      return shown.length === 1 && shown[0].textContent?.includes(unique) ? performance.now() - since : 0
    },
    { since: t0, unique: pane.unique },
    { timeout: 30_000 },
  )
  const searchMs = await found.jsonValue()
  await search.fill('')
  await gridRows(page).nth(1).waitFor()
  return { shownMs, rows, searchMs }
}

export async function benchLists(docker: Dockerode, dockerHost: string, rounds = 3): Promise<P8Result> {
  await cleanupP8(docker)
  try {
    console.log(`P8: creating ${P8.images} image names, ${P8.volumes} volumes, ${P8.networks} networks…`)
    await populate(docker)
    const browser = await launchChromium()
    const server = await startServer(dockerHost)
    const samples = new Map<string, Array<{ shownMs: number; rows: number; searchMs: number }>>()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      // The token URL once, for the session cookie; then plain URLs.
      await page.goto(server.url)
      for (let round = 0; round < rounds; round++) {
        // A new document each round, so each pane's store lists for the first time.
        await page.goto(server.url.replace(/\?.*$/, `?round=${round}#/e/local/containers`))
        await page.getByRole('link', { name: 'Images', exact: true }).waitFor()
        for (const pane of panes) {
          const figure = await openPane(page, pane)
          samples.set(pane.key, [...(samples.get(pane.key) ?? []), figure])
        }
      }
    } finally {
      server.stop()
      await browser.close()
    }
    const figure = (key: string): PaneFigure => {
      const list = samples.get(key) ?? []
      return {
        rows: list[0]?.rows ?? 0,
        shownMs: median(list.map((s) => s.shownMs)),
        shownMax: Math.max(...list.map((s) => s.shownMs)),
        searchMs: median(list.map((s) => s.searchMs)),
      }
    }
    return { rounds, images: figure('images'), volumes: figure('volumes'), networks: figure('networks') }
  } finally {
    await cleanupP8(docker)
  }
}
