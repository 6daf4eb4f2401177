import { expect, eventually } from './expect.mjs'

const INDEX_MARKER = '<div id="app"></div>'

/** The console is served by the server: index for client routes, cached assets, 404 for missing files. */
export async function consoleServed({ origin }) {
  const index = await fetch(`${origin}/v1/web/`)
  expect(index.status, 'GET /v1/web/ status').toBe(200)
  expect(index.headers.get('cache-control'), 'index.html Cache-Control').toBe('no-cache')
  const html = await index.text()
  expect(html, 'index.html').toContain(INDEX_MARKER)

  for (const route of ['/v1/web/login', '/v1/web/tasks/12/edit', '/v1/web/records?month=2026-01']) {
    const response = await fetch(`${origin}${route}`)
    expect(response.status, `${route} status`).toBe(200)
    expect(await response.text(), `${route} body`).toBe(html)
  }

  const script = /src="(\/v1\/web\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  expect(Boolean(script), 'index.html references a hashed script').toBeTrue()
  const asset = await fetch(`${origin}${script}`)
  expect(asset.status, 'asset status').toBe(200)
  expect(asset.headers.get('cache-control'), 'asset Cache-Control').toContain('immutable')

  const missing = await fetch(`${origin}/v1/web/assets/missing-0000.js`)
  expect(missing.status, 'missing asset status').toBe(404)
}

/** The login page renders, in both languages and themes, at desktop and phone width. */
export async function loginPage({ ui, harness, browser, newPage }) {
  const page = ui.page
  await ui.open('/')
  await page.waitForURL(/\/v1\/web\/login/)
  await page.getByTestId('login-submit').waitFor()
  expect(await page.getByTestId('login-submit').innerText(), 'login button').toBe('登录')
  await harness.shot(page, '01-login')

  await page.getByTestId('theme-toggle').click()
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), 'dark theme on').toBeTrue()
  await page.locator('[data-testid="login-language"] label').filter({ hasText: 'English' }).click()
  expect(await page.getByTestId('login-submit').innerText(), 'login button in English').toBe('Sign in')
  await page.reload()
  await page.getByTestId('login-submit').waitFor()
  expect(await page.getByTestId('login-submit').innerText(), 'language remembered after reload').toBe('Sign in')
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), 'theme remembered after reload').toBeTrue()
  await harness.shot(page, '02-login-dark-en')
  await page.getByTestId('theme-toggle').click()
  await page.locator('[data-testid="login-language"] label').filter({ hasText: '中文' }).click()

  const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  await phone.goto(ui.url('/login'))
  await phone.getByTestId('login-submit').waitFor()
  await harness.shot(phone, '03-login-phone')
  await phone.close()
  void browser
}

export async function adminLogin({ ui, harness, admin }) {
  await ui.login(admin.username, admin.password)
  await ui.page.getByTestId('dashboard').waitFor()
  await harness.shot(ui.page, '04-dashboard-empty')
}

/**
 * The main story: an HTTP task firing every 2 seconds against a local endpoint, seen in the records page and
 * its detail drawer, run once by hand, then disabled.
 */
export async function httpTaskLifecycle({ ui, harness, endpoint, api, state }) {
  const page = ui.page
  const name = `e2e-ping-${Date.now().toString(36)}`
  state.taskName = name

  await ui.open('/tasks')
  await page.getByTestId('task-create').click()
  await page.getByTestId('task-create-http').click()
  await page.waitForURL(/\/tasks\/new/)
  await page.getByTestId('task-name-input').fill(name)
  await page.getByTestId('cron-input').fill('*/2 * * * * *')
  await eventually(async () => (await page.getByTestId('cron-preview-time').count()) === 5, { what: 'five fire times previewed' })
  expect(await page.getByTestId('cron-description').innerText(), 'cron description').toContain('2')
  await page.getByTestId('task-url').fill(endpoint.url)
  await harness.shot(page, '05-task-form-http')
  await page.getByTestId('task-save').click()
  await page.waitForURL(/\/v1\/web\/tasks($|\?)/)
  await ui.idle()
  await page.locator('[data-testid="task-name"]', { hasText: name }).waitFor()

  await eventually(() => endpoint.count() >= 2, { what: 'the endpoint called by the scheduler', timeout: 40_000 })
  await ui.open('/tasks')
  await harness.shot(page, '06-tasks')

  // Records page: the executions show up.
  await ui.open('/records')
  await eventually(async () => {
    await page.getByTestId('records-refresh').click()
    await ui.idle()
    return (await page.locator('[data-testid="record-task"]', { hasText: name }).count()) > 0
  }, { what: `a record of ${name} in the records page`, timeout: 40_000, interval: 1500 })
  await harness.shot(page, '07-records')
  await page.locator('[data-testid="record-task"]', { hasText: name }).first().click()
  const drawer = page.locator('.el-drawer:visible')
  await drawer.waitFor()
  await drawer.getByTestId('record-response').waitFor()
  await eventually(async () => (await drawer.getByTestId('record-response').innerText()).includes('e2e-ping'), { what: 'the response in the detail drawer' })
  expect(await drawer.getByTestId('record-request').innerText(), 'request in the detail').toContain(endpoint.url)
  await harness.shot(page, '08-record-detail')
  await page.keyboard.press('Escape')

  // Disable it from the list: the scheduler stops calling.
  await ui.open(`/tasks?keyword=${encodeURIComponent(name)}`)
  const row = page.locator(`.row-actions[data-task="${name}"]`)
  await row.getByTestId('task-toggle').click()
  await eventually(async () => (await page.getByTestId('task-status').first().getAttribute('data-status')) === '0', { what: 'status tag shows disabled' })
  const listed = await api.call('GET', `/tasks?keyword=${encodeURIComponent(name)}`)
  const task = listed.data.list.find((t) => t.name === name)
  expect(task.status, 'task status on the server').toBe(0)
  state.taskId = task.id
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const afterDisable = endpoint.count()
  await new Promise((resolve) => setTimeout(resolve, 6000))
  expect(endpoint.count() - afterDisable, 'calls after disabling').toBeAtMost(0)

  // Run once by hand, whatever the status.
  await row.getByTestId('task-run').click()
  await ui.confirm()
  await eventually(() => endpoint.count() > afterDisable, { what: 'the run-now call reaching the endpoint', timeout: 20_000 })
}

export async function otherTaskPages({ ui, harness }) {
  const page = ui.page
  await ui.open('/tasks/new?type=GRPC')
  await page.getByTestId('task-grpc-service').waitFor()
  await page.getByTestId('cron-input').fill('0 9 * * MON-FRI')
  await eventually(async () => (await page.getByTestId('cron-preview-time').count()) === 5, { what: 'five fire times previewed' })
  await harness.shot(page, '09-task-form-grpc')
  await ui.open('/dashboard')
  await page.getByTestId('tile-tasks-value').waitFor()
  await eventually(async () => (await page.getByTestId('tile-tasks-value').innerText()) !== '—', { what: 'dashboard figures' })
  await harness.shot(page, '10-dashboard')
  await page.getByTestId('tile-failures').click()
  await page.waitForURL(/\/records\?range=24h&success=0/)
  await ui.idle()
}

/**
 * A save reports every field in error at once, each under its field and in the console's language (中文 here): first
 * what the form checks itself, then what only the server can refuse.
 */
export async function fieldErrorsAtOnce({ ui, harness }) {
  const page = ui.page
  const errorOf = (testId) => page.locator('.el-form-item', { has: page.getByTestId(testId) }).locator('.el-form-item__error')
  harness.expectConsoleErrors(/status of 400 .*\/v1\/tasks(\/cron\/preview|\/http)\b/)
  await ui.open('/tasks/new?type=HTTP')
  await page.getByTestId('cron-input').fill('99 * * * * *')
  await page.getByTestId('cron-preview-error').waitFor()
  await page.getByTestId('task-url').fill('ftp://example.com/job')
  await page.getByTestId('task-save').click()
  for (const field of ['task-name-input', 'cron-input', 'task-url']) {
    await errorOf(field).waitFor()
  }
  expect(page.url(), 'nothing saved').toMatch(/\/tasks\/new/)
  await harness.shot(page, '29-task-form-errors')

  await page.getByTestId('task-name-input').fill(`e2e-refused-${Date.now().toString(36)}`)
  await page.getByTestId('cron-input').fill('0 0 3 * * *')
  await eventually(async () => (await page.getByTestId('cron-preview-time').count()) === 5, { what: 'the corrected cron previewed' })
  await page.getByTestId('task-url').fill('http://example.com/job')
  await page.getByTestId('task-headers').fill('{"Host": "other.example.com"}')
  await page.getByTestId('task-fallback-url').fill('http://[::1/fallback')
  await page.getByTestId('task-save').click()
  await errorOf('task-headers').waitFor()
  await errorOf('task-fallback-url').waitFor()
  expect(await errorOf('task-headers').innerText(), 'the server\'s refusal of the header, translated').toContain('由 HTTP 客户端设置')
  expect(await errorOf('task-fallback-url').innerText(), 'the server\'s refusal of the fallback, translated').toContain('不是有效的 URL')
  expect(page.url(), 'nothing saved').toMatch(/\/tasks\/new/)
  await harness.shot(page, '30-task-form-server-errors')
}

/**
 * Task state at a glance: the list's schedule, last result and recent runs, the task page with its history, a run
 * with parameters that links to its execution, the record drawer's fire id and lateness, the dashboard's hourly view.
 */
export async function taskStateAtAGlance({ ui, harness, endpoint, traceUi, state }) {
  const page = ui.page
  const name = state.taskName
  await ui.open(`/tasks?keyword=${encodeURIComponent(name)}`)
  const row = page.locator('.el-table__row', { has: page.locator('[data-testid="task-name"]', { hasText: name }) }).first()
  // The task is disabled by now: no next fire, but the zone it would be shown in is named.
  expect(await row.getByTestId('task-next-fire').innerText(), 'next fire with its zone').toMatch(/UTC|\w+\/\w+/)
  await eventually(async () => (await row.getByTestId('task-recent-runs').count()) > 0, { what: 'recent runs of the task in the list' })
  expect(await row.getByTestId('task-last-result').innerText(), 'last run time').toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
  const actions = page.locator(`.row-actions[data-task="${name}"]`)
  const box = await actions.boundingBox()
  const more = await actions.getByTestId('task-more').boundingBox()
  expect(Math.abs(more.y - box.y) < 8, '"More" on the same line as the other actions').toBeTrue()
  await harness.shot(page, '25-tasks-state')

  await row.getByTestId('task-name').click()
  await page.waitForURL(/\/tasks\/\d+$/)
  await page.getByTestId('task-history-table').waitFor()
  await eventually(async () => (await page.locator('[data-testid="task-history-table"] .el-table__row').count()) > 0, { what: 'the task page lists its history' })
  const before = endpoint.count()
  await page.getByTestId('detail-run-params').click()
  const dialog = page.getByTestId('run-dialog')
  await dialog.getByTestId('run-query').fill('source=e2e')
  await dialog.getByTestId('run-submit').click()
  await dialog.getByTestId('run-started').waitFor()
  await eventually(() => endpoint.count() > before, { what: 'the run with parameters reaching the endpoint', timeout: 20_000 })
  await harness.shot(page, '26-task-run-once')
  await dialog.getByTestId('run-execution-link').click()
  await page.waitForURL(/\/records\?/)
  await ui.idle()

  await ui.open('/records?range=1h')
  await page.locator('[data-testid="record-task"]', { hasText: name }).first().click()
  const drawer = page.locator('.el-drawer:visible')
  await eventually(async () => /\S/.test((await drawer.getByTestId('record-fire-id').innerText()).replace('—', '')), { what: 'the fire id in the drawer' })
  expect(await drawer.getByTestId('record-lateness').innerText(), 'lateness in the drawer').toMatch(/ms|s/)
  // The server sends its spans to the endpoint: the fire was traced, and its call carried the trace to the target.
  await eventually(async () => /^[0-9a-f]{32}$/.test(await drawer.getByTestId('record-trace-id').innerText()), { what: 'the trace id in the drawer' })
  const traceId = await drawer.getByTestId('record-trace-id').innerText()
  expect(await drawer.getByTestId('record-trace-link').getAttribute('href'), 'link to the trace').toBe(`${traceUi}${traceId}`)
  expect(endpoint.hits.some((hit) => hit.headers.traceparent?.split('-')[1] === traceId), 'the target received the fire\'s traceparent').toBeTrue()
  const attempts = drawer.locator('[data-testid="record-attempts"] .el-table__body tr')
  expect(await attempts.count(), 'one attempt row').toBe(1)
  expect(await attempts.first().innerText(), 'the attempt names its target').toContain(endpoint.url)
  await harness.shot(page, '27-record-drawer-fire')
  await page.keyboard.press('Escape')

  await ui.open('/dashboard')
  await page.getByTestId('chart-hourly').click()
  await page.getByTestId('executions-chart').waitFor()
  await harness.shot(page, '28-dashboard-hourly')
}

/** Department, role and user created in the console; that user then sees only what the role allows. */
export async function organisationAndPermissions({ ui, harness, admin, api, endpoint }) {
  const page = ui.page
  const suffix = Date.now().toString(36)
  const department = `E2E 研发部 ${suffix}`
  const role = `E2E 观察员 ${suffix}`
  const username = `viewer_${suffix}`
  const password = 'Viewer-pass-2026'

  await ui.open('/departments')
  const root = page.locator('.tree-node').first()
  await root.getByTestId('department-add-child').click()
  await ui.dialog().getByTestId('department-name').fill(department)
  await ui.dialog().getByTestId('department-save').click()
  await ui.dialogClosed()
  await page.locator(`.tree-node[data-department="${department}"]`).waitFor()
  await page.locator(`.tree-node[data-department="${department}"]`).click()
  await harness.shot(page, '11-departments')

  // A task in the new department, for its future member to see (set up through the API).
  const departments = await api.call('GET', `/departments?keyword=${encodeURIComponent(department)}`)
  const departmentId = departments.data.find((d) => d.name === department).id
  const taskName = `e2e-dept-task-${suffix}`
  const created = await api.call('POST', '/tasks/http', {
    name: taskName, departmentId, cron: '0 0 1 1 *', url: endpoint.url, httpMethod: 'GET', status: 0,
  })
  expect(created.status, `creating ${taskName}`).toBe(200)

  await ui.open('/roles')
  await page.getByTestId('role-create').click()
  const roleDialog = ui.dialog()
  await roleDialog.getByTestId('role-name').fill(role)
  await roleDialog.locator('[data-code="task:view"]').click()
  await roleDialog.locator('[data-code="record:view"]').click()
  await harness.shot(page, '12-role-dialog')
  await roleDialog.getByTestId('role-save').click()
  await ui.dialogClosed()
  await page.locator(`[data-role="${role}"]`).waitFor()
  await harness.shot(page, '13-roles')

  await ui.open('/users')
  await page.getByTestId('user-create').click()
  const userDialog = ui.dialog()
  await userDialog.getByTestId('user-username').fill(username)
  await userDialog.getByTestId('user-password').fill(password)
  await userDialog.getByTestId('user-realname').fill('E2E 观察员')
  await ui.pick(ui.formItem(userDialog, '部门').locator('.el-select'), department)
  await ui.pick(ui.formItem(userDialog, '角色').locator('.el-select'), role)
  await harness.shot(page, '14-user-dialog')
  await userDialog.getByTestId('user-save').click()
  await ui.dialogClosed()
  await page.locator(`[data-user="${username}"]`).waitFor()
  await harness.shot(page, '15-users')

  // The administrator resets the new user's password; the user signs in with the new one.
  const resetPassword = 'Viewer-reset-2026'
  await page.locator(`[data-user="${username}"]`).getByTestId('user-reset').click()
  await ui.dialog().getByTestId('reset-password').fill(resetPassword)
  await ui.dialog().getByTestId('reset-save').click()
  await ui.dialogClosed()

  await ui.logout()
  await ui.login(username, resetPassword)
  await page.getByTestId('menu-tasks').waitFor()
  expect(await page.getByTestId('menu-records').count(), 'records menu for the viewer').toBe(1)
  for (const hidden of ['menu-departments', 'menu-users', 'menu-roles']) {
    expect(await page.getByTestId(hidden).count(), `${hidden} for the viewer`).toBe(0)
  }
  await harness.shot(page, '16-viewer-dashboard')
  await ui.open('/tasks')
  await page.locator('[data-testid="task-name"]', { hasText: taskName }).waitFor()
  for (const hidden of ['task-create', 'task-run', 'task-toggle', 'task-edit']) {
    expect(await page.getByTestId(hidden).count(), `${hidden} for the viewer`).toBe(0)
  }
  await harness.shot(page, '17-viewer-tasks')
  await ui.open('/users')
  await page.getByTestId('forbidden').waitFor()
  await harness.shot(page, '18-viewer-forbidden')
  await ui.open('/tasks/new')
  await page.getByTestId('forbidden').waitFor()

  await ui.logout()
  await ui.login(admin.username, admin.password)

  // Disabling the user from the table.
  await ui.open(`/users?keyword=${username}`)
  await page.locator(`[data-user="${username}"]`).getByTestId('user-toggle').click()
  await eventually(async () => {
    const users = await api.call('GET', `/users?keyword=${username}`)
    return users.data.list.find((u) => u.username === username)?.status === 0
  }, { what: `${username} disabled on the server` })
}

/** Edit a task in the form (its values come back filled in) and delete it after confirming. */
export async function editAndDeleteTask({ ui, harness, api, endpoint }) {
  const page = ui.page
  const name = `e2e-edit-${Date.now().toString(36)}`
  const me = await api.call('GET', '/auth/userinfo')
  const created = await api.call('POST', '/tasks/http', {
    name, departmentId: me.data.departmentId, cron: '0 3 * * *', url: endpoint.url, httpMethod: 'POST', status: 0,
    headers: '{"X-Job":"edit"}', body: '{"n":1}',
  })
  expect(created.status, `creating ${name}`).toBe(200)

  await ui.open(`/tasks?keyword=${encodeURIComponent(name)}`)
  await page.locator(`.row-actions[data-task="${name}"]`).getByTestId('task-edit').click()
  await page.waitForURL(/\/tasks\/\d+\/edit/)
  await ui.idle()
  expect(await page.getByTestId('task-name-input').inputValue(), 'name filled in').toBe(name)
  expect(await page.getByTestId('cron-input').inputValue(), 'cron filled in').toBe('0 3 * * *')
  await page.getByTestId('cron-input').fill('30 4 * * MON')
  await eventually(async () => (await page.getByTestId('cron-preview-time').count()) === 5, { what: 'preview of the new cron' })
  await harness.shot(page, '25-task-edit')
  await page.getByTestId('task-save').click()
  await page.waitForURL(/\/v1\/web\/tasks($|\?)/)
  const saved = await api.call('GET', `/tasks/${created.data.id}`)
  expect(saved.data.cron, 'cron saved').toBe('30 4 * * MON')
  expect(saved.data.url, 'URL kept').toBe(endpoint.url)

  await ui.open(`/tasks?keyword=${encodeURIComponent(name)}`)
  await page.locator(`.row-actions[data-task="${name}"]`).getByTestId('task-more').click()
  await page.locator('[data-testid="task-delete"]:visible').click()
  await ui.confirm()
  await eventually(async () => (await api.call('GET', `/tasks/${created.data.id}`)).status === 404, { what: `${name} deleted` })
}

/** Theme and language switched in the console, remembered across a reload. */
export async function themeAndLanguage({ ui, harness }) {
  const page = ui.page
  await ui.open('/dashboard')
  await page.getByTestId('theme-toggle').click()
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), 'dark theme').toBeTrue()
  await page.getByTestId('language-switch').click()
  await page.getByTestId('language-en').click()
  await eventually(async () => (await page.getByTestId('menu-tasks').innerText()).includes('Tasks'), { what: 'English menu' })
  await page.reload()
  await ui.idle()
  expect(await page.getByTestId('menu-tasks').innerText(), 'English after reload').toContain('Tasks')
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), 'dark after reload').toBeTrue()
  await harness.shot(page, '19-dashboard-dark-en')
  await ui.open('/tasks')
  await harness.shot(page, '20-tasks-dark-en')
  await page.getByTestId('theme-toggle').click()
  await page.getByTestId('language-switch').click()
  await page.getByTestId('language-zh-CN').click()
  await eventually(async () => (await page.getByTestId('menu-tasks').innerText()).includes('任务'), { what: 'Chinese menu' })
}

export async function profileAndErrors({ ui, harness }) {
  const page = ui.page
  await ui.open('/profile')
  await page.getByTestId('profile-info').waitFor()
  await harness.shot(page, '21-profile')
  await ui.open('/no/such/page')
  await page.getByTestId('not-found').waitFor()
  await harness.shot(page, '22-not-found')
}

export async function phoneLayout({ harness, newPage, ui, admin }) {
  const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const { Console } = await import('./ui.mjs')
  const phone = new Console(page, ui.origin)
  await phone.login(admin.username, admin.password)
  await phone.open('/tasks')
  await page.getByTestId('task-table').waitFor()
  await page.getByTestId('scroll-hint').waitFor()
  expect(await page.getByTestId('task-next-fire').count(), 'next fire on a phone').toBeAtLeast(1)
  expect(await page.getByTestId('task-status').count(), 'status on a phone').toBeAtLeast(1)
  await harness.shot(page, '23-phone-tasks')
  await page.getByTestId('toggle-menu').click()
  await page.locator('.menu-drawer .el-menu').first().waitFor()
  await harness.shot(page, '24-phone-menu')
  await page.close()
}

/** The cluster page shows the server under test: one healthy instance, marked as the one answering. */
export async function clusterPage({ ui, harness, api }) {
  const page = ui.page
  const [self] = (await api.call('GET', '/instances')).data.filter((instance) => instance.self)
  await ui.open('/cluster')
  const row = page.getByTestId('cluster-table').locator('tbody tr').filter({ hasText: self.id })
  await row.waitFor()
  await expect(await row.getByTestId('cluster-self').count(), 'this instance is marked').toBe(1)
  await expect(await row.getByTestId('cluster-health-up').count(), 'this instance is healthy').toBe(1)
  await harness.shot(page, '23-cluster')
}

/** The audit log lists the admin's logins, and narrows them by actor, action and a time range. */
export async function auditLogPage({ ui, harness }) {
  const page = ui.page
  await ui.open('/audit-logs')
  const rows = page.getByTestId('audit-table').locator('tbody tr')
  await rows.first().waitFor()
  await page.getByTestId('audit-actor').fill('admin')
  await ui.pick(page.getByTestId('audit-action'), 'LOGIN')
  await page.getByTestId('filter-search').click()
  await page.waitForURL(/actor=admin/)
  await page.waitForURL(/action=LOGIN/)
  await ui.idle()
  await eventually(async () => (await rows.count()) > 0, { what: 'the admin\'s logins listed' })
  for (const text of await rows.allInnerTexts()) {
    await expect(text.includes('admin') && text.includes('LOGIN'), `row "${text}" is an admin login`).toBe(true)
  }
  await harness.shot(page, '24-audit-log')
  // a range that ends before the server started holds none of its entries
  await ui.open('/audit-logs?actor=admin&from=2000-01-01T00%3A00%3A00%2B00%3A00&to=2000-01-02T00%3A00%3A00%2B00%3A00')
  await page.getByTestId('audit-table').locator('.el-table__empty-block').waitFor()
  await expect(await rows.count(), 'nothing in a range before the server existed').toBe(0)
}
