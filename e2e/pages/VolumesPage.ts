import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from '../support/app'

/** The Volumes pane, a volume's page and the file browser, by labels and roles. */
export class VolumesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openApp(this.page)
    await this.page.getByRole('link', { name: 'Volumes', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Volumes', exact: true })).toBeVisible()
  }

  async find(query: string): Promise<void> {
    await this.open()
    await this.page.getByRole('searchbox', { name: 'Search volumes' }).fill(query)
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  /** A row of the file browser, by the entry's name. */
  entry(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('button', { name, exact: true }) })
  }

  /** Opens a folder or previews a file by its name in the listing (the folder tree has the same names). */
  async openEntry(name: string): Promise<void> {
    await this.entry(name).getByRole('button', { name, exact: true }).click()
  }
}
