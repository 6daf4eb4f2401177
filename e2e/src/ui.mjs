import { expect } from './expect.mjs'

/** Interactions with the console's Element Plus widgets, in the words a user would use. */
export class Console {
  constructor(page, origin) {
    this.page = page
    this.origin = origin
  }

  url(path = '/') {
    return `${this.origin}/v1/web${path}`
  }

  async open(path) {
    await this.page.goto(this.url(path))
    await this.idle()
  }

  /** Waits for loading masks to go. */
  async idle() {
    await this.page.waitForLoadState('networkidle').catch(() => {})
    await this.page.locator('.el-loading-mask').first().waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {})
  }

  async login(username, password) {
    const page = this.page
    if (!page.url().includes('/login')) await this.open('/login')
    await page.getByTestId('login-username').fill(username)
    await page.getByTestId('login-password').fill(password)
    await page.getByTestId('login-submit').click()
    await page.waitForURL(/\/v1\/web\/(dashboard|tasks|records)/, { timeout: 15_000 })
    await this.idle()
  }

  async logout() {
    await this.page.getByTestId('user-menu').click()
    await this.page.getByTestId('logout').click()
    await this.page.waitForURL(/\/v1\/web\/login/)
  }

  /** Picks an option of the visible select or tree-select dropdown. */
  async pick(select, label) {
    await select.click()
    const dropdown = this.page.locator('.el-select-dropdown:visible, .el-tree-select__popper:visible').last()
    const option = dropdown.locator('.el-select-dropdown__item, .el-tree-node__content').filter({ hasText: label }).first()
    await option.click()
    await this.page.keyboard.press('Escape').catch(() => {})
  }

  /** Confirms the open message box. */
  async confirm() {
    await this.page.locator('.el-message-box:visible .el-message-box__btns .el-button--primary').click()
  }

  formItem(container, label) {
    return container.locator('.el-form-item').filter({ has: this.page.locator('.el-form-item__label', { hasText: label }) })
  }

  dialog() {
    return this.page.locator('.el-dialog:visible').last()
  }

  async dialogClosed() {
    await this.page.locator('.el-dialog:visible').waitFor({ state: 'detached', timeout: 10_000 }).catch(async () => {
      await expect(await this.page.locator('.el-dialog:visible').count(), 'dialog closed').toBe(0)
    })
  }
}
