import { expect, type Locator, type Page } from '@playwright/test'
import { desktopOf, openApp } from '../support/app'

/** The Images pane and an image's page, by labels and roles. */
export class ImagesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openApp(this.page)
    await this.page.getByRole('link', { name: 'Images', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible()
  }

  async find(query: string): Promise<void> {
    await this.open()
    await this.page.getByRole('searchbox', { name: 'Search images' }).fill(query)
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  /** Browser mode asks where the files are (uploaded, or on the server); the desktop app only reads this machine's. */
  async onServer(dialog: Locator, choice: 'A folder on the server' | 'A file on the server'): Promise<void> {
    if (desktopOf(this.page)) return
    await dialog.getByRole('radiogroup', { name: 'Where the files are' }).getByText(choice, { exact: true }).click()
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click()
  }
}
