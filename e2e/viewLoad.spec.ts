/**
 * A view's code, loaded when it is first opened, can fail in flight through no fault of
 * the page: Chromium fails requests when a network interface comes or goes, and every
 * container that starts or stops adds or removes one. The page then loads again at the
 * address asked for instead of leaving the view blank.
 */
import { expect, openApp, test } from './support/app'

test('a view whose code fails to load once is loaded again, not left blank', async ({ page }) => {
  let reachedList = Number.POSITIVE_INFINITY
  // Every fetch of the Images view's code fails in the document the user is in (the
  // preload and the import alike); a new document fetches it normally.
  let documents = 0
  let refused = 0
  page.on('domcontentloaded', () => documents++)
  await page.route(/\/assets\/ImagesView-[^/]*\.js$/, (route) => {
    if (documents > reachedList) return route.continue()
    refused++
    return route.abort('internetdisconnected')
  })
  await openApp(page, '/e/local/containers')
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  reachedList = documents
  await page.getByRole('link', { name: 'Images', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
  await expect(page).toHaveURL(/#\/e\/local\/images/)
  expect(refused).toBeGreaterThan(0)
})
