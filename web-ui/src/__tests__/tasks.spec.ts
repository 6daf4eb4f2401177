import { describe, expect, it } from 'vitest'
import { mockApi, mountConsole, page, settle, signIn, cronPreview } from './helpers'

const task = {
  id: 7, name: 'nightly-report', departmentId: 1, departmentName: '总部', taskType: 'HTTP', cron: '0 2 * * *', timezone: 'UTC', status: 1,
  url: 'http://127.0.0.1:8080/report', httpMethod: 'POST', nextExecuteTime: '2026-01-02T02:00:00Z',
}

describe('task list', () => {
  it('reads its filters from the URL and sends them to the server', async () => {
    const { calls } = mockApi({ 'GET /tasks': { data: page([task], 31, 2, 10) } })

    const { wrapper } = await mountConsole('/tasks?keyword=night&taskType=HTTP&status=1&page=2', { before: () => signIn() })

    const list = calls.find((c) => c.path === '/tasks')
    expect(Object.fromEntries(list?.query ?? [])).toEqual({ keyword: 'night', taskType: 'HTTP', status: '1', page: '2', size: '10' })
    expect(wrapper.get('input[data-testid="filter-keyword"]').element).toHaveProperty('value', 'night')
    expect(wrapper.get('[data-testid="task-name"]').text()).toBe('nightly-report')
  })

  it('keeps a new search in the URL', async () => {
    mockApi({ 'GET /tasks': { data: page([task]) } })
    const { router, wrapper } = await mountConsole('/tasks', { before: () => signIn() })

    await wrapper.get('input[data-testid="filter-keyword"]').setValue('report')
    await wrapper.get('[data-testid="task-filters"]').trigger('submit')
    await settle()

    expect(router.currentRoute.value.query).toEqual({ keyword: 'report' })
  })

  it('offers every action to a user holding every task permission', async () => {
    mockApi({ 'GET /tasks': { data: page([task]) } })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })

    expect(wrapper.find('[data-testid="task-create"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="task-run"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="task-toggle"]').text()).toBe('Disable')
    expect(wrapper.find('[data-testid="task-edit"]').exists()).toBe(true)
  })

  it('hides the actions a view-only user lacks', async () => {
    mockApi({ 'GET /tasks': { data: page([task]) } })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn(['task:view']) })

    expect(wrapper.get('[data-testid="task-name"]').text()).toBe('nightly-report')
    for (const action of ['task-create', 'task-run', 'task-toggle', 'task-edit', 'task-more']) {
      expect(wrapper.find(`[data-testid="${action}"]`).exists(), action).toBe(false)
    }
  })

  it('disables a task through the status API', async () => {
    let status = 1
    const { calls } = mockApi({
      'GET /tasks': () => ({ data: page([{ ...task, status }]) }),
      'PATCH /tasks/7/status': (call) => {
        status = (call.body as { status: number }).status
        return { data: null }
      },
    })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })

    await wrapper.get('[data-testid="task-toggle"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 0 })
    expect(wrapper.get('[data-testid="task-toggle"]').text()).toBe('Enable')
  })
})

describe('bulk actions', () => {
  it('enables every selected task and reports the outcome', async () => {
    const tasks = [task, { ...task, id: 8, name: 'sync-orders', status: 0 }, { ...task, id: 9, name: 'cleanup', status: 0 }]
    const { calls } = mockApi({
      'GET /tasks': { data: page(tasks) },
      'PATCH /tasks/:id/status': (call) => (call.path === '/tasks/9/status' ? { status: 404, code: 4004, message: 'task 9 not found' } : { data: null }),
    })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })

    const boxes = wrapper.findAll('.el-table__body .el-checkbox input')
    await boxes[1]?.setValue(true)
    await boxes[2]?.setValue(true)
    await settle()
    expect(wrapper.get('[data-testid="bulk-bar"]').text()).toContain('2 selected')

    await wrapper.get('[data-testid="bulk-enable"]').trigger('click')
    await settle()

    const patched = calls.filter((c) => c.method === 'PATCH')
    expect(patched.map((c) => [c.path, c.body])).toEqual([
      ['/tasks/8/status', { status: 1 }],
      ['/tasks/9/status', { status: 1 }],
    ])
    expect(document.body.textContent).toContain('1 succeeded, 1 failed')
  })

  it('deletes every selected task of a later page, once confirmed, and shows the page before it', async () => {
    const later = [{ ...task, id: 8, name: 'sync-orders' }, { ...task, id: 9, name: 'cleanup' }]
    const { calls } = mockApi({
      'GET /tasks': (call) => ({ data: call.query.get('page') === '2' ? page(later, 12, 2) : page([task], 10, 1) }),
      'POST /tasks/batch-delete': { data: [{ id: 8, outcome: 'DELETED' }, { id: 9, outcome: 'DELETED' }] },
    })
    const { router, wrapper } = await mountConsole('/tasks?page=2', { before: () => signIn() })

    for (const box of wrapper.findAll('.el-table__body .el-checkbox input')) await box.setValue(true)
    await settle()
    await wrapper.get('[data-testid="bulk-delete"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('.el-message-box__btns .el-button--primary')!.click()
    await settle()

    expect(calls.find((c) => c.path === '/tasks/batch-delete')?.body).toEqual({ ids: [8, 9] })
    expect(router.currentRoute.value.query.page ?? '1').toBe('1')
    expect(wrapper.get('[data-testid="task-name"]').text()).toBe('nightly-report')
  })
})

describe('task form', () => {
  it("shows the server's validation messages under the fields they name", async () => {
    mockApi({
      'POST /tasks/cron/preview': { data: cronPreview() },
      'POST /tasks/http': { status: 400, code: 4001, message: 'cron: invalid cron expression; url: must be an http or https URL' },
    })
    const { wrapper } = await mountConsole('/tasks/new?type=HTTP', { before: () => signIn() })

    await wrapper.get('input[data-testid="task-name-input"]').setValue('ping')
    await wrapper.get('input[data-testid="cron-input"]').setValue('not a cron')
    await wrapper.get('input[data-testid="task-url"]').setValue('http://example.com')
    await wrapper.get('[data-testid="task-form"]').trigger('submit')
    // Element Plus shows a form item's error state after a short debounce.
    await settle(250)

    const errors = wrapper.findAll('.el-form-item__error').map((e) => e.text())
    expect(errors).toContain('invalid cron expression')
    expect(errors).toContain('must be an http or https URL')
    expect(wrapper.get('[data-testid="form-error"]').text()).toContain('invalid cron expression')
  })

  it("shows every field the server refused under that field at once, in the console's language", async () => {
    mockApi({
      'POST /tasks/cron/preview': { data: cronPreview() },
      'POST /tasks/http': {
        status: 400, code: 4001, message: 'name: is required',
        data: {
          messageKey: 'validation.required', params: { field: 'name' },
          fieldErrors: [
            { field: 'name', rule: 'required', params: { field: 'name' }, message: 'name: is required' },
            { field: 'cron', rule: 'cron', params: { field: 'cron', reason: 'minute 61' }, message: 'cron: minute 61' },
            { field: 'url', rule: 'urlHost', params: { field: 'url' }, message: 'url: must name a host' },
          ],
        },
      },
    })
    const { wrapper } = await mountConsole('/tasks/new?type=HTTP', { locale: 'zh-CN', before: () => signIn() })

    await wrapper.get('input[data-testid="task-name-input"]').setValue('  ')
    await wrapper.get('input[data-testid="cron-input"]').setValue('* * * * *')
    await wrapper.get('input[data-testid="task-url"]').setValue('http://[x]/')
    await wrapper.get('[data-testid="task-form"]').trigger('submit')
    await settle(250)

    expect(wrapper.findAll('.el-form-item__error').map((e) => e.text()))
      .toEqual(['name：必填', 'cron：Cron 表达式无效（minute 61）', 'url：必须包含主机名'])
    expect(wrapper.get('[data-testid="form-error"]').text()).toBe('name：必填')
  })

  it('sends the fields of an HTTP task', async () => {
    const { calls } = mockApi({
      'POST /tasks/cron/preview': { data: cronPreview() },
      'POST /tasks/http': { data: { ...task, id: 8 } },
      'GET /tasks': { data: page([]) },
    })
    const { router, wrapper } = await mountConsole('/tasks/new?type=HTTP', { before: () => signIn() })

    await wrapper.get('input[data-testid="task-name-input"]').setValue('ping')
    await wrapper.get('input[data-testid="cron-input"]').setValue('*/2 * * * * *')
    await wrapper.get('input[data-testid="task-url"]').setValue('http://127.0.0.1:9000/ping')
    await wrapper.get('[data-testid="task-form"]').trigger('submit')
    await settle(20)

    const body = calls.find((c) => c.method === 'POST' && c.path === '/tasks/http')?.body
    expect(body).toMatchObject({ name: 'ping', cron: '*/2 * * * * *', url: 'http://127.0.0.1:9000/ping', httpMethod: 'GET', departmentId: 1, status: 1 })
    expect(body).not.toHaveProperty('grpcService')
    expect(router.currentRoute.value.name).toBe('tasks')
  })

  it('sends the TLS choice of a gRPC task', async () => {
    const { calls } = mockApi({
      'POST /tasks/cron/preview': { data: cronPreview() },
      'POST /tasks/grpc': { data: { ...task, id: 9, taskType: 'GRPC' } },
      'GET /tasks': { data: page([]) },
    })
    const { wrapper } = await mountConsole('/tasks/new?type=GRPC', { before: () => signIn() })

    await wrapper.get('input[data-testid="task-name-input"]').setValue('invoices')
    await wrapper.get('input[data-testid="cron-input"]').setValue('@every 5m')
    await wrapper.get('input[data-testid="task-grpc-service"]').setValue('billing.example.com:443/acme.Invoices')
    await wrapper.get('input[data-testid="task-grpc-method"]').setValue('Close')
    await wrapper.get('[data-testid="task-grpc-tls"] input').setValue(true)
    await wrapper.get('[data-testid="task-form"]').trigger('submit')
    await settle(20)

    const body = calls.find((c) => c.method === 'POST' && c.path === '/tasks/grpc')?.body
    expect(body).toMatchObject({ grpcService: 'billing.example.com:443/acme.Invoices', grpcMethod: 'Close', grpcTls: true })
    expect(body).not.toHaveProperty('url')
  })
})
