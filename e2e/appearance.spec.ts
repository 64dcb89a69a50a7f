import type { Page } from '@playwright/test'
import { expect, openApp, test } from './support/app'

const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('the theme chosen in Settings applies at once and after a reload', async ({ page }, info) => {
  test.setTimeout(150_000)
  await openApp(page, '/settings')
  const themes = page.getByRole('radiogroup', { name: 'Theme' })
  await expect(themes).toBeVisible()
  await themes.getByText('Dark', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  // Naive's body colour eases over 0.3 s.
  await expect.poll(() => background(page)).toBe('rgb(16, 16, 20)')

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(themes.getByRole('radio', { name: 'Dark' })).toBeChecked()

  for (const size of [
    { width: 1440, height: 900 },
    { width: 1000, height: 700 },
  ]) {
    await page.setViewportSize(size)
    await page.getByRole('link', { name: 'Containers', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()
    await page.screenshot({ path: info.outputPath(`dark-${size.width}.png`) })
  }
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('combobox', { name: 'Go to or do…' })).toBeFocused()
  await page.screenshot({ path: info.outputPath('dark-palette.png') })
  await page.keyboard.press('Escape')

  await page.getByRole('link', { name: 'Settings', exact: true }).click()
  await themes.getByText('Light', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  // Naive's body colour eases over 0.3 s.
  await expect.poll(() => background(page)).toBe('rgb(255, 255, 255)')
  await themes.getByText('Follow the system', { exact: true }).click()
  await expect(themes.getByRole('radio', { name: 'Follow the system' })).toBeChecked()
})
