import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElMessageBox } from 'element-plus'
import { mockApi, mountConsole, page, settle, signIn, cronPreview } from './helpers'

const task = {
  id: 7, name: 'nightly-report', departmentId: 1, departmentName: '总部', taskType: 'HTTP', cron: '0 2 * * *', timezone: 'UTC', status: 0,
  url: 'http://127.0.0.1:8080/report', httpMethod: 'POST', nextExecuteTime: '2026-01-02T02:00:00Z',
}
const other = { ...task, id: 8, name: 'sync-orders', status: 1 }

/** The message box on top, as the user sees it. */
function messageBox() {
  const boxes = document.querySelectorAll<HTMLElement>('.el-message-box')
  const box = boxes[boxes.length - 1]
  if (!box) throw new Error('no message box is open')
  return {
    text: box.textContent ?? '',
    confirm: () => box.querySelector<HTMLElement>('.el-message-box__btns .el-button--primary')!.click(),
    cancel: () => box.querySelector<HTMLElement>('.el-message-box__btns .el-button:not(.el-button--primary)')!.click(),
  }
}

async function selectRows(wrapper: { findAll: (s: string) => Array<{ setValue: (v: boolean) => Promise<void> }> }, count: number) {
  const boxes = wrapper.findAll('.el-table__body .el-checkbox input')
  for (let i = 0; i < count; i++) await boxes[i]?.setValue(true)
  await settle()
}

afterEach(() => ElMessageBox.close())

describe('task list at a glance', () => {
  it("shows the cron, its description and the next fire in one labelled zone, and the last run's outcome", async () => {
    mockApi({
      'GET /tasks': { data: page([task]) },
      'GET /records': (call) => ({
        data: page(call.query.get('taskId') === '7'
          ? [
              { id: 3, taskId: 7, status: 2, scheduledTime: '2026-01-01T02:00:00Z' },
              { id: 2, taskId: 7, status: 1, scheduledTime: '2025-12-31T02:00:00Z' },
              { id: 1, taskId: 7, status: 1, scheduledTime: '2025-12-30T02:00:00Z' },
            ]
          : []),
      }),
    })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })
    await settle()

    const schedule = wrapper.get('[data-testid="task-schedule"]').text()
    expect(schedule).toContain('0 2 * * *')
    expect(wrapper.get('[data-testid="task-next-fire"]').text()).toBe('Next: 2026-01-02 02:00:00 in UTC')
    const last = wrapper.get('[data-testid="task-last-result"]').text()
    expect(last).toContain('Failed')
    expect(last).toContain('2026-01-01 02:00:00')
    expect(wrapper.get('[data-testid="task-recent-runs"]').text()).toContain('2 of 3 succeeded')
    expect(wrapper.get('[data-testid="task-status"]').text()).toBe('Disabled')
  })

  it('shows a failed load as an error with a retry, not as an empty list', async () => {
    let fail = true
    const { calls } = mockApi({
      'GET /tasks': () => (fail ? { status: 503, code: 5030, message: 'database unavailable' } : { data: page([task]) }),
      'GET /records': { data: page([]) },
    })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })

    expect(wrapper.get('[data-testid="load-error"]').text()).toContain('database unavailable')
    expect(wrapper.get('[data-testid="task-table"]').text()).not.toContain('No data')

    fail = false
    await wrapper.get('[data-testid="load-retry"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="task-name"]').text()).toBe('nightly-report')
    expect(calls.filter((c) => c.path === '/tasks')).toHaveLength(2)
  })

  it('says the server cannot be reached instead of "Failed to fetch"', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })

    const error = wrapper.get('[data-testid="load-error"]').text()
    expect(error).toContain('Cannot reach the server')
    expect(error).not.toContain('Failed to fetch')
  })

  it('runs the selected tasks only once the user confirms', async () => {
    const { calls } = mockApi({
      'GET /tasks': { data: page([task, other]) },
      'GET /records': { data: page([]) },
      'POST /tasks/:id/run': { data: { fireId: 'f-1' } },
    })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })
    await selectRows(wrapper, 2)

    await wrapper.get('[data-testid="bulk-run"]').trigger('click')
    await settle()
    expect(messageBox().text).toContain('Run 2 tasks once now?')
    messageBox().cancel()
    await settle(50)
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await wrapper.get('[data-testid="bulk-run"]').trigger('click')
    await settle()
    messageBox().confirm()
    await settle(50)
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/tasks/7/run', '/tasks/8/run'])
  })

  it('deletes the selected tasks in one request after a warning', async () => {
    const { calls } = mockApi({
      'GET /tasks': { data: page([task, other]) },
      'GET /records': { data: page([]) },
      'POST /tasks/batch-delete': { data: [{ id: 7, outcome: 'DELETED' }, { id: 8, outcome: 'NOT_FOUND' }] },
    })
    const { wrapper } = await mountConsole('/tasks', { before: () => signIn() })
    await selectRows(wrapper, 2)

    await wrapper.get('[data-testid="bulk-delete"]').trigger('click')
    await settle()
    expect(messageBox().text).toContain('Delete 2 tasks?')
    messageBox().confirm()
    await settle(50)
    expect(calls.find((c) => c.path === '/tasks/batch-delete')?.body).toEqual({ ids: [7, 8] })
    expect(document.body.textContent).toContain('1 succeeded, 1 failed')
  })
})

describe('task form policies', () => {
  it('explains the misfire and concurrency policies in plain words', async () => {
    mockApi({ 'POST /tasks/cron/preview': { data: cronPreview() } })
    const { wrapper } = await mountConsole('/tasks/new?type=HTTP', { locale: 'zh-CN', before: () => signIn() })

    expect(wrapper.get('[data-testid="misfire-hint"]').text()).toContain('合并为一次立即补跑')
    expect(wrapper.get('[data-testid="concurrency-hint"]').text()).toContain('新的触发照常开始')
  })
})
