import { expect, type Locator, type Page } from '@playwright/test'

/** A container's details page. */
export class DetailPage {
  constructor(readonly page: Page) {}

  async open(idOrName: string, tab = 'logs'): Promise<void> {
    await this.page.goto(process.env.WHARF_E2E_TOKEN_URL ?? '/')
    // A fresh document with the route in it: a hash changed under a running app raced the
    // app's own first route (/ → /containers) and, on a loaded machine, lost.
    await this.page.goto(`/?at=${Date.now()}#/containers/${idOrName}?tab=${tab}`)
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
