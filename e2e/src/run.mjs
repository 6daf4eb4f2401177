import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'
import { startEndpoint } from './endpoint.mjs'
import { Api } from './api.mjs'
import { Harness } from './harness.mjs'
import { Console } from './ui.mjs'
import * as scenarios from './scenarios.mjs'
import { alertChannelAndRules } from './alerts.mjs'
import { runningExecutionCancelled } from './running.mjs'
import { grpcMethodPicker } from './grpcPicker.mjs'
import { eventually } from './expect.mjs'

const root = resolve(import.meta.dirname, '..', '..')
const { values: options } = parseArgs({
  options: {
    jar: { type: 'string', default: resolve(root, 'server/target/distributedjob.jar') },
    launcher: { type: 'string', default: resolve(root, 'bin/distributedjob') },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    screenshots: { type: 'string', default: resolve(import.meta.dirname, '..', 'screenshots') },
    'require-all': { type: 'boolean', default: process.env.E2E_REQUIRE_ALL === 'true' },
    // a regular expression: only the scenarios whose names match run (with the sign-in they need)
    only: { type: 'string' },
  },
})

const admin = { username: 'admin', password: 'e2e-admin-password' }

if (!existsSync(options.chromium)) {
  console.error(`No Chromium at ${options.chromium}: install Debian's package (apt-get install -y chromium) or pass --chromium`)
  process.exit(1)
}

// The job endpoint is up first: it is also where the server sends its spans, so that fires carry a trace id.
const endpoint = await startEndpoint()
const traceUi = 'http://traces.e2e.test/trace/'
const server = await startServer({
  jar: options.jar, launcher: options.launcher, adminPassword: admin.password,
  options: [`--tracing.endpoint=${endpoint.origin}`, `--tracing.uiUrlTemplate=${traceUi}{traceId}`],
})
console.log(`Server up at ${server.origin} (data in ${server.workDir})`)
let exitCode = 1
let browser
try {
  const api = new Api(server.origin)
  const capabilities = await api.capabilities()
  console.log(`APIs on this server: ${Object.entries(capabilities).map(([k, v]) => `${k}=${v ? 'yes' : 'no'}`).join(' ')}`)
  // The bootstrap administrator is created just after the server starts answering.
  if (capabilities.auth) {
    await eventually(() => api.login(admin.username, admin.password).then(() => true), { what: 'the bootstrap administrator', timeout: 60_000 })
  }

  const harness = new Harness({ screenshots: options.screenshots, capabilities, requireAll: options['require-all'] })
  browser = await chromium.launch({
    executablePath: options.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  })
  const contextOptions = { locale: 'zh-CN', viewport: { width: 1440, height: 900 } }
  const context = await browser.newContext(contextOptions)
  const page = harness.watch(await context.newPage())
  const newPage = async (extra) => harness.watch(await (await browser.newContext({ ...contextOptions, ...extra })).newPage())
  const ui = new Console(page, server.origin)
  const world = { ui, harness, api, endpoint, traceUi, admin, browser, newPage, origin: server.origin, state: {} }

  const plan = [
    ['console served with SPA fallback and cache headers', [], scenarios.consoleServed],
    ['login page renders, theme and language remembered', [], scenarios.loginPage],
    // Signing in lands on the dashboard, which shows task and record figures.
    ['admin logs in and sees the dashboard', ['auth', 'tasks', 'records'], scenarios.adminLogin],
    ['HTTP task every 2 s: records, detail, run now, disable', ['auth', 'tasks', 'preview', 'records'], scenarios.httpTaskLifecycle],
    ['gRPC form, dashboard tiles link to filtered lists', ['auth', 'tasks', 'preview', 'records'], scenarios.otherTaskPages],
    ['gRPC form: methods listed by reflection, a request template, a test call', ['auth', 'tasks', 'grpcMethods'], grpcMethodPicker],
    ['task state at a glance, task page, run with parameters, record fire id, hourly chart', ['auth', 'tasks', 'records'], scenarios.taskStateAtAGlance],
    ['edit a task in the form and delete it', ['auth', 'tasks', 'preview'], scenarios.editAndDeleteTask],
    ['task form: every field error at once, translated', ['auth', 'tasks', 'preview'], scenarios.fieldErrorsAtOnce],
    ['department, role and user; the user sees only what the role allows', ['auth', 'departments', 'roles', 'users', 'tasks', 'records'], scenarios.organisationAndPermissions],
    ['theme and language switch in the console', ['auth', 'tasks', 'records'], scenarios.themeAndLanguage],
    ['profile and not-found pages', ['auth', 'tasks', 'records'], scenarios.profileAndErrors],
    ['cluster page lists this instance as healthy', ['auth', 'instances'], scenarios.clusterPage],
    ['audit log page filters by actor, action and time range', ['auth', 'auditLogs'], scenarios.auditLogPage],
    ['phone-width layout', ['auth', 'tasks'], scenarios.phoneLayout],
    ['alert channel with a test alert, a failure rule on a task and its alert', ['auth', 'tasks', 'alerts'], alertChannelAndRules],
    ['a hanging execution is shown running and cancelled', ['auth', 'tasks', 'records', 'running'], runningExecutionCancelled],
  ]
  const only = options.only ? new RegExp(options.only) : null
  for (const [name, needs, run] of plan) {
    if (only && !only.test(name) && run !== scenarios.adminLogin) continue
    await harness.scenario(name, needs, () => run(world), page)
  }
  harness.checkConsole()
  exitCode = harness.finish()
} catch (error) {
  console.error(error)
  console.error(`Server output:\n${server.log()}`)
} finally {
  await browser?.close().catch(() => {})
  await endpoint.stop().catch(() => {})
  await server.stop()
}
process.exit(exitCode)
