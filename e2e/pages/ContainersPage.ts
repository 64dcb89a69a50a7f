import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from '../support/app'

/** The Containers pane as a person sees it: by labels and roles. */
export class ContainersPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openApp(this.page)
    await this.page.getByRole('link', { name: 'Containers', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Containers' })).toBeVisible()
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search containers' }).fill(text)
  }

  /** Opens the pane and narrows the list to `query`. */
  async find(query: string): Promise<void> {
    await this.open()
    await this.search(query)
  }

  async select(...names: string[]): Promise<void> {
    for (const name of names) await this.page.getByRole('checkbox', { name: `Select ${name}` }).check()
  }

  /** A button of the bar that acts on the selection ("2 selected"). */
  bulkButton(selected: number, name: string): Locator {
    return this.page.getByRole('group', { name: `${selected} selected` }).getByRole('button', { name, exact: true })
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) })
  }

  /** A row's own button, named with its container ("Stop web"). */
  async act(name: string, action: 'Start' | 'Stop' | 'Unpause' | 'Remove'): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `${action} ${name}`, exact: true })
      .click()
  }

  /** An action from the row's "more actions" menu (restart, pause, kill…). */
  async actFromMenu(name: string, action: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `More actions for ${name}`, exact: true })
      .click()
    await this.page
      .getByRole('menu', { name: `More actions for ${name}` })
      .getByRole('menuitem', { name: action, exact: true })
      .click()
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Containers' })
  }
}
