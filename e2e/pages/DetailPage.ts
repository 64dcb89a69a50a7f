import { expect, type Locator, type Page } from '@playwright/test'

/** A container's details page. */
export class DetailPage {
  constructor(readonly page: Page) {}

  async open(idOrName: string, tab = 'logs'): Promise<void> {
    await this.page.goto(process.env.WHARF_E2E_TOKEN_URL ?? '/')
    // Wait for the app's first route (/ → /containers): on a loaded machine it can land
    // after a hash set too early and take the page back to the list.
    await expect(this.page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible()
    await this.page.goto(`/#/containers/${idOrName}?tab=${tab}`)
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click()
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
  }

  logs(): Locator {
    return this.page.getByRole('log', { name: 'Log output' })
  }

  header(): Locator {
    return this.page.locator('header').filter({ has: this.page.getByRole('heading', { level: 1 }) })
  }
}
