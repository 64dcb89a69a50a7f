import { expect, type Locator, type Page } from '@playwright/test'

/** The terminal docked beside a container's page, as a person sees it. */
export class TerminalPanelPage {
  constructor(
    readonly page: Page,
    readonly container: string,
  ) {}

  panel(): Locator {
    return this.page.getByRole('complementary', { name: `Terminal in ${this.container}` })
  }

  resizer(): Locator {
    return this.page.getByRole('separator', { name: 'Resize the terminal panel' })
  }

  terminal(): Locator {
    return this.panel().getByRole('region')
  }

  screen(): Locator {
    return this.terminal().locator('.xterm-rows')
  }

  /** Rows that read exactly `text` (output, not the command line that printed it). */
  row(text: string): Locator {
    return this.screen()
      .locator(':scope > div')
      .filter({ hasText: new RegExp(`^${text}\\s*$`) })
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open terminal' }).click()
    await expect(this.panel()).toBeVisible()
  }

  async start(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Start terminal' }).click()
    await expect(this.terminal()).toBeVisible()
  }

  async type(text: string): Promise<void> {
    await this.terminal().click()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Enter')
  }

  /** The TTY's size as the shell in the panel sees it. */
  async ttySize(marker: string): Promise<{ rows: number; cols: number }> {
    await this.type(`echo "${marker}=$(stty size)."`)
    const pattern = new RegExp(`${marker}=(\\d+) (\\d+)\\.`)
    await expect(this.screen()).toContainText(pattern)
    const [, rows, cols] = ((await this.screen().textContent()) ?? '').match(pattern)!
    return { rows: Number(rows), cols: Number(cols) }
  }
}
