import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from '../support/app'

/** A container's details page. */
export class DetailPage {
  constructor(readonly page: Page) {}

  async open(idOrName: string, tab = 'logs'): Promise<void> {
    await openApp(this.page, `/containers/${idOrName}?tab=${tab}`)
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
