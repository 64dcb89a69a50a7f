import type { Page } from '@playwright/test'
import { expect, openApp, test } from './support/app'
import { cleanup, runContainer, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
test.afterAll(() => cleanup(docker))

/** The fonts Chromium really drew a node's text with (DevTools' "Rendered Fonts"). */
async function renderedFonts(page: Page, selector: string): Promise<Array<{ familyName: string; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  await cdp.detach()
  return fonts
}

/**
 * Two different Chinese characters drawn in the heading's font, and a code point no font
 * has: with a CJK font the three differ; without one both characters are the same empty
 * box (tofu).
 */
function glyphsDiffer(page: Page, selector: string): Promise<{ distinct: boolean; notTofu: boolean }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!
    const style = getComputedStyle(el)
    const draw = (text: string): string => {
      const canvas = document.createElement('canvas')
      canvas.width = 64
      canvas.height = 64
      const ctx = canvas.getContext('2d')!
      ctx.font = `${style.fontWeight} 40px ${style.fontFamily}`
      ctx.fillStyle = '#000'
      ctx.fillText(text, 8, 48)
      return canvas.toDataURL()
    }
    const a = draw('容')
    const b = draw('器')
    const tofu = draw('\u{10FFFD}')
    return { distinct: a !== b, notTofu: a !== tofu && b !== tofu }
  }, selector)
}

test('in Chinese, status text is written from the engine’s facts, in a CJK font, charts included', async ({ page }, info) => {
  test.setTimeout(120_000)
  const running = uniqueName('pal-zh-up')
  const killed = uniqueName('pal-zh-down')
  await runContainer(docker, running)
  const down = await runContainer(docker, killed)
  await down.kill()

  await openApp(page, '/e/local/containers')
  await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()
  await page.getByLabel('Language').selectOption('zh-CN')
  await expect(page.getByRole('heading', { name: '容器', exact: true })).toBeVisible()
  await page.getByRole('searchbox', { name: '搜索容器' }).fill('pal-zh')

  const row = (name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })
  await expect(row(running)).toContainText(/运行中 (不到 1 秒|\d+ 秒|约 1 分钟)/)
  await expect(row(killed)).toContainText(/已退出 \(137\) (不到 1 秒|\d+ 秒|约 1 分钟)前/)
  await expect(row(killed)).not.toContainText('Exited')
  await expect(row(running)).not.toContainText('Up')

  // The heading is drawn with a CJK font from the stack, not boxes.
  const fonts = await renderedFonts(page, '.wharf-pane-head h1, h1')
  const cjk = fonts.filter((f) => /CJK|Source Han|PingFang|YaHei|WenQuanYi|Hiragino/i.test(f.familyName))
  expect(
    cjk.map((f) => f.glyphCount).reduce((a, b) => a + b, 0),
    JSON.stringify(fonts),
  ).toBe(2)
  expect(await glyphsDiffer(page, 'h1')).toEqual({ distinct: true, notTofu: true })
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1000, height: 700 },
  ]) {
    await page.setViewportSize(size)
    await page.screenshot({ path: info.outputPath(`chinese-containers-${size.width}.png`) })
  }

  // The stats charts' legends and time labels.
  await row(running).getByRole('link', { name: running }).click()
  await expect(page.getByRole('heading', { name: running })).toBeVisible()
  await page.getByRole('tab', { name: '资源' }).click()
  await expect(page.getByText('时间').first()).toBeVisible()
  await expect(page.getByText('已用', { exact: true })).toBeVisible()
  await expect(page.getByText('接收', { exact: true })).toBeVisible()
  // Pointing at a chart shows the time under the pointer in the legend, as 24-hour time.
  await page.getByRole('img', { name: 'CPU' }).hover()
  await expect(page.getByText(/^\d{2}:\d{2}:\d{2}$/).first()).toBeVisible()
  await page.screenshot({ path: info.outputPath('chinese-stats.png') })

  await page.getByLabel('语言').first().selectOption('en')
  await expect(page.getByRole('tab', { name: 'Stats' })).toBeVisible()
})
