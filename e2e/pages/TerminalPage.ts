import { expect, type Locator, type Page } from '@playwright/test'

/** The Terminal pane as a person sees it: tabs by name, the front terminal's text, its status line. */
export class TerminalPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Terminal', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Terminal', exact: true })).toBeVisible()
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name })
  }

  /** The front terminal (its region is named after the container and command). */
  terminal(): Locator {
    return this.page.getByRole('tabpanel').getByRole('region')
  }

  /** What the terminal shows, row by row, as text. */
  screen(): Locator {
    return this.terminal().locator('.xterm-rows')
  }

  async type(text: string): Promise<void> {
    await this.terminal().click()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Enter')
  }

  /** The sentence saying why the session ended. */
  ended(): Locator {
    return this.page.getByRole('tabpanel').getByRole('status')
  }
}
