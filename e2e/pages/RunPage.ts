import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from '../support/app'

/** The run form, by its labels. */
export class RunPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openApp(this.page)
    await this.page.getByRole('link', { name: 'Run a container' }).click()
    await expect(this.page.getByRole('heading', { name: 'Run a container' })).toBeVisible()
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  /** The live `docker run …` line. */
  twin(): Locator {
    return this.page.getByRole('status', { name: 'Equivalent docker run command' })
  }

  async paste(line: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste a docker run command…' }).click()
    await this.page.getByRole('textbox', { name: 'Paste a docker run command' }).fill(line)
    await this.page.getByRole('button', { name: 'Fill the form' }).click()
  }
}
