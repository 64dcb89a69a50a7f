import { expect, type Locator, type Page } from '@playwright/test'

/** The command palette as a person drives it: Ctrl-K, a query, the listed options, Enter. */
export class PalettePage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' })
  }

  box(): Locator {
    return this.dialog().getByRole('combobox', { name: 'Go to or do…' })
  }

  options(): Locator {
    return this.dialog().getByRole('listbox').getByRole('option')
  }

  /** The option the keyboard is on. */
  current(): Locator {
    return this.dialog().getByRole('option', { selected: true })
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k')
    await expect(this.box()).toBeFocused()
  }

  /** Opens the palette, types `query` and waits until `first` leads the list. */
  async search(query: string, first: string | RegExp): Promise<void> {
    await this.open()
    await this.box().fill(query)
    await expect(this.options().first()).toContainText(first)
  }
}
