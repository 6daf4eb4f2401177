import { afterEach, describe, expect, it } from 'vitest'
import { ElMessageBox } from 'element-plus'
import { resolveRange } from '@/views/records/timeRange'
import { mockApi, mountConsole, page, settle, signIn } from './helpers'

const record = {
  id: 41, taskId: 7, taskName: 'nightly-report', taskType: 'HTTP', fireId: 'fire-7-abc', status: 2,
  scheduledTime: '2026-01-01T02:00:00Z', startTime: '2026-01-01T02:00:01.500Z', endTime: '2026-01-01T02:00:02Z', costTime: 500,
  error: 'connection refused', triggerType: 'CRON',
}

afterEach(() => ElMessageBox.close())

describe('execution time ranges', () => {
  const now = Date.parse('2026-03-10T12:00:00Z')

  it('turns a preset into a window ending now', () => {
    expect(resolveRange('1h', undefined, undefined, now)).toEqual({ from: '2026-03-10T11:00:00.000Z', to: '2026-03-10T12:00:00.000Z' })
    expect(resolveRange('7d', undefined, undefined, now).from).toBe('2026-03-03T12:00:00.000Z')
  })

  it('keeps a custom range across months, and falls back when it is unusable', () => {
    expect(resolveRange('custom', '2026-01-20T00:00:00Z', '2026-03-02T00:00:00Z', now)).toEqual({ from: '2026-01-20T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' })
    expect(resolveRange('custom', '2026-03-02T00:00:00Z', '2026-01-20T00:00:00Z', now).from).toBe('2026-03-09T12:00:00.000Z')
  })
})

describe('executions page', () => {
  it('asks for the chosen range and the error text instead of a month', async () => {
    const { calls } = mockApi({ 'GET /records': { data: page([record]) } })
    await mountConsole('/records?range=1h&errorKeyword=refused', { before: () => signIn() })

    const query = calls.find((c) => c.path === '/records')!.query
    expect(Date.parse(query.get('to')!) - Date.parse(query.get('from')!)).toBe(60 * 60 * 1000)
    expect(query.get('errorKeyword')).toBe('refused')
    expect(query.has('month')).toBe(false)
  })

  it('shows the fire id and lateness in the drawer, links to the task and re-runs the record', async () => {
    const { calls } = mockApi({
      'GET /records': { data: page([record]) },
      'GET /records/41': { data: record },
      'GET /tasks/7': { data: { id: 7, name: 'nightly-report', taskType: 'HTTP', cron: '0 2 * * *', status: 1, departmentId: 1 } },
      'POST /records/41/rerun': { data: { fireId: 'fire-7-new' } },
    })
    const { wrapper } = await mountConsole('/records', { before: () => signIn() })

    await wrapper.get('[data-testid="record-detail"]').trigger('click')
    await settle()
    expect(document.querySelector('[data-testid="record-fire-id"]')?.textContent).toBe('fire-7-abc')
    expect(document.querySelector('[data-testid="record-lateness"]')?.textContent).toBe('1.50 s')
    expect(document.querySelector('[data-testid="record-open-task"]')?.getAttribute('href')).toBe('/tasks/7')

    document.querySelector<HTMLElement>('[data-testid="record-rerun"]')!.click()
    await settle()
    document.querySelector<HTMLElement>('.el-message-box__btns .el-button--primary')!.click()
    await settle(50)
    const rerun = calls.find((c) => c.path === '/records/41/rerun')!
    expect(rerun.query.get('year')).toBe('2026')
    expect(document.body.textContent).toContain('Started fire fire-7-new')
  })

  it('shows the trace id with its link and a row per attempt in the drawer', async () => {
    const traced = {
      ...record, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', traceUrl: 'http://jaeger:16686/trace/4bf92f3577b34da6a3ce929d0e0e4736',
      attempts: [
        { attempt: 1, fallback: false, target: 'http://primary.test/run', statusCode: 503, durationMillis: 12, error: 'HTTP 503' },
        { attempt: 2, fallback: true, target: 'http://fallback.test/run', statusCode: 200, durationMillis: 8, error: null },
      ],
    }
    mockApi({ 'GET /records': { data: page([record]) }, 'GET /records/41': { data: traced } })
    const { wrapper } = await mountConsole('/records', { before: () => signIn(['record:view']) })

    await wrapper.get('[data-testid="record-detail"]').trigger('click')
    await settle(50)
    const drawer = [...document.querySelectorAll('[data-testid="record-drawer"]')].at(-1)!
    expect(drawer.querySelector('[data-testid="record-trace-id"]')?.textContent).toBe(traced.traceId)
    expect(drawer.querySelector('[data-testid="record-trace-link"]')?.getAttribute('href')).toBe(traced.traceUrl)
    const rows = [...drawer.querySelectorAll('[data-testid="record-attempts"] .el-table__body tr')].map((row) => row.textContent)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('http://primary.test/run')
    expect(rows[0]).toContain('503')
    expect(rows[0]).toContain('HTTP 503')
    expect(rows[1]).toContain('Fallback')
  })
})

describe('run once with parameters', () => {
  it('sends only the filled-in overrides and links to the execution it started', async () => {
    const task = { id: 7, name: 'nightly-report', taskType: 'HTTP', cron: '0 2 * * *', status: 1, departmentId: 1, timezone: 'UTC' }
    const { calls } = mockApi({
      'GET /tasks/7': { data: task },
      'GET /records': { data: page([]) },
      'GET /records/stats': { data: { total: 0, success: 0, fail: 0, successRate: 0, avgCostTime: 0, daily: [] } },
      'POST /tasks/7/run': { data: { fireId: 'fire-7-xyz' } },
    })
    const { wrapper } = await mountConsole('/tasks/7', { before: () => signIn() })

    await wrapper.get('[data-testid="detail-run-params"]').trigger('click')
    await settle()
    const dialog = wrapper.get('[data-testid="run-dialog"]')
    await dialog.get('input[data-testid="run-query"]').setValue('date=2026-01-01')
    await dialog.get('textarea[data-testid="run-body"]').setValue('{"full": true}')
    await dialog.get('[data-testid="run-submit"]').trigger('click')
    await settle(50)

    // The server lists records of a month or of a range: the task page asks for a range.
    const history = calls.find((c) => c.path === '/records')!.query
    expect(history.get('taskId')).toBe('7')
    expect(history.has('from') && history.has('to')).toBe(true)
    expect(calls.find((c) => c.path === '/tasks/7/run')?.body).toEqual({ query: 'date=2026-01-01', body: '{"full": true}' })
    expect(wrapper.get('[data-testid="run-started"]').text()).toContain('fire-7-xyz')
    expect(wrapper.get('[data-testid="run-execution-link"]').attributes('href')).toBe('/records?taskId=7&fireId=fire-7-xyz')
  })
})
