import { expect, openApp, test } from './support/app'

test('? shows every shortcut; g then a letter goes to a pane; neither fires while typing', async ({ page }, info) => {
  await openApp(page, '/e/local/containers')
  await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()

  // In a text field, ? and g are text.
  const search = page.getByRole('searchbox', { name: 'Search containers' })
  await search.click()
  await page.keyboard.type('g?i')
  await expect(search).toHaveValue('g?i')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()
  await search.fill('')
  await page.getByRole('heading', { name: 'Containers', exact: true }).click()

  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  const anywhere = sheet.getByRole('region', { name: 'Anywhere' })
  await expect(anywhere.getByRole('definition').filter({ hasText: 'Open the command palette' })).toBeVisible()
  await expect(anywhere).toContainText('Ctrl+K')
  const goTo = sheet.getByRole('region', { name: /Go to/ })
  await expect(goTo.getByRole('definition')).toHaveText([
    'Go to Containers',
    'Go to Images',
    'Go to Volumes',
    'Go to Networks',
    'Go to Terminal',
    'Go to Engine',
    'Go to All engines',
    'Go to Engines',
    'Go to Settings',
  ])
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: info.outputPath('shortcuts-1440.png') })
  await page.setViewportSize({ width: 1000, height: 700 })
  await page.screenshot({ path: info.outputPath('shortcuts-1000.png') })
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  await page.keyboard.press('g')
  await page.keyboard.press('i')
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
  await page.keyboard.press('g')
  await page.keyboard.press('s')
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await page.keyboard.press('g')
  await page.keyboard.press('c')
  await expect(page.getByRole('heading', { name: 'Containers', exact: true })).toBeVisible()
  await expect(page).toHaveURL(/#\/e\/local\/containers$/)

  // A lone letter without g does nothing.
  await page.keyboard.press('i')
  await expect(page).toHaveURL(/#\/e\/local\/containers$/)
})
