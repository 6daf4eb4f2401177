import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Runs named scenarios in order and records each outcome. A scenario needing an API the server does not
 * have yet is skipped and says which; everything else must pass. Browser console errors fail the run.
 */
export class Harness {
  constructor({ screenshots, capabilities, requireAll }) {
    this.screenshots = screenshots
    this.capabilities = capabilities
    this.requireAll = requireAll
    this.results = []
    this.consoleErrors = []
    this.expectedErrors = []
    rmSync(screenshots, { recursive: true, force: true })
    mkdirSync(screenshots, { recursive: true })
  }

  /** Every console error and uncaught exception of the page is kept against the scenario running then. */
  watch(page) {
    page.on('console', (message) => {
      const text = `${message.text()} (${message.location().url ?? ''})`
      if (message.type() === 'error' && !this.expectedErrors.some((expected) => expected.test(text))) {
        this.consoleErrors.push(`[${this.current ?? '-'}] ${text}`)
      }
    })
    page.on('pageerror', (error) => this.consoleErrors.push(`[${this.current ?? '-'}] uncaught: ${error.message}`))
    return page
  }

  /**
   * The browser logs every answer of 400 or more as a console error: a scenario that provokes refusals on purpose
   * names the ones it expects, for itself only.
   */
  expectConsoleErrors(...patterns) {
    this.expectedErrors.push(...patterns)
  }

  async shot(page, name) {
    await page.waitForLoadState('networkidle').catch(() => {})
    // Let transitions and charts finish drawing.
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(this.screenshots, `${name}.png`), fullPage: true })
  }

  async scenario(name, needs, body, page) {
    const missing = needs.filter((need) => !this.capabilities[need])
    if (missing.length) {
      this.results.push({ name, outcome: this.requireAll ? 'failed' : 'skipped', detail: `server has no ${missing.join(', ')} API yet` })
      console.log(`${this.requireAll ? 'FAIL' : 'SKIP'}  ${name} (server has no ${missing.join(', ')} API yet)`)
      return false
    }
    this.current = name
    const started = Date.now()
    try {
      await body()
      this.results.push({ name, outcome: 'passed' })
      console.log(`PASS  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
      return true
    } catch (error) {
      this.results.push({ name, outcome: 'failed', detail: error?.stack ?? String(error) })
      console.log(`FAIL  ${name}\n${error?.stack ?? error}`)
      if (page) await page.screenshot({ path: join(this.screenshots, `FAILED-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {})
      return false
    } finally {
      this.current = undefined
      this.expectedErrors = []
    }
  }

  checkConsole() {
    const name = 'no browser console errors'
    if (this.consoleErrors.length) {
      this.results.push({ name, outcome: 'failed', detail: this.consoleErrors.join('\n') })
      console.log(`FAIL  ${name}:\n  ${this.consoleErrors.join('\n  ')}`)
    } else {
      this.results.push({ name, outcome: 'passed' })
      console.log(`PASS  ${name}`)
    }
  }

  /** The closing line test-report readers look for, and the exit code. */
  finish() {
    const count = (outcome) => this.results.filter((r) => r.outcome === outcome).length
    console.log(`Screenshots: ${this.screenshots}`)
    console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`)
    return count('failed') === 0 ? 0 : 1
  }
}
