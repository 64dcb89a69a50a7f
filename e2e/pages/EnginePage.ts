import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from '../support/app'

/** The Engine pane: its tabs (Information, Disk usage, Events), by roles and names. */
export class EnginePage {
  constructor(readonly page: Page) {}

  async open(tab?: 'Information' | 'Disk usage' | 'Events'): Promise<void> {
    await openApp(this.page)
    await this.page.getByRole('link', { name: 'Engine', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Engine', level: 1 })).toBeVisible()
    if (tab) await this.tab(tab)
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click()
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
  }

  /** A line of the disk usage summary, by its kind ("Containers", "Local volumes"…). */
  summaryRow(kind: string): Locator {
    return this.page
      .getByRole('table', { name: 'Disk usage by kind' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) })
  }

  /** The events table's row of `action` on `name`, found by its attributes button. */
  eventRow(action: string, name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: `Attributes of ${action} ${name}`, exact: true }) })
  }
}
