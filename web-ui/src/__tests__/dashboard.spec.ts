import { describe, expect, it } from 'vitest'
import { hourlyBuckets, lastDay, pastDays, slowestTasks, upcomingFires } from '@/views/dashboard'
import type { ExecutionRecord } from '@/api/records'
import type { Task } from '@/api/tasks'
import { mockApi, mountConsole, page, signIn } from './helpers'

const now = Date.parse('2026-03-10T12:00:00Z')

describe('dashboard figures', () => {
  it('keeps only the days up to today of a month', () => {
    const daily = ['2026-03-09', '2026-03-10', '2026-03-11'].map((date) => ({ date, total: 1, success: 1, fail: 0 }))
    expect(pastDays(daily, '2026-03-10').map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10'])
  })

  it('spans the 24 hours up to now for the last-day figures', () => {
    expect(lastDay(new Date(now))).toEqual({ from: '2026-03-09T12:00:00.000Z', to: '2026-03-10T12:00:00.000Z' })
  })

  it('counts the finished executions of the last 24 hours per hour', () => {
    const records: ExecutionRecord[] = [
      { id: 1, taskId: 1, status: 1, scheduledTime: '2026-03-10T11:10:00Z' },
      { id: 2, taskId: 1, status: 2, scheduledTime: '2026-03-10T11:50:00Z' },
      { id: 3, taskId: 1, status: 1, scheduledTime: '2026-03-09T12:30:00Z' },
      { id: 4, taskId: 1, status: 1, scheduledTime: '2026-03-09T11:59:00Z' },
      { id: 5, taskId: 1, status: 0, scheduledTime: '2026-03-10T11:55:00Z' },
    ]
    const buckets = hourlyBuckets(records, now)
    expect(buckets).toHaveLength(24)
    expect(buckets[0]).toEqual({ start: Date.parse('2026-03-09T13:00:00Z'), success: 0, fail: 0 })
    expect(buckets[23]).toEqual({ start: Date.parse('2026-03-10T12:00:00Z'), success: 0, fail: 0 })
    expect(buckets[22]).toEqual({ start: Date.parse('2026-03-10T11:00:00Z'), success: 1, fail: 1 })
    expect(buckets.reduce((sum, b) => sum + b.success + b.fail, 0)).toBe(2)
  })

  it('ranks tasks by average duration', () => {
    const records: ExecutionRecord[] = [
      { id: 1, taskId: 1, taskName: 'fast', status: 1, costTime: 10 },
      { id: 2, taskId: 2, taskName: 'slow', status: 1, costTime: 900 },
      { id: 3, taskId: 2, taskName: 'slow', status: 2, costTime: 100 },
      { id: 4, taskId: 3, taskName: 'running', status: 0, costTime: null },
    ]
    expect(slowestTasks(records, 5)).toEqual([
      { taskId: 2, taskName: 'slow', runs: 2, avgCost: 500, maxCost: 900 },
      { taskId: 1, taskName: 'fast', runs: 1, avgCost: 10, maxCost: 10 },
    ])
  })

  it('orders upcoming fires soonest first', () => {
    const tasks = [
      { id: 1, name: 'later', status: 1, nextExecuteTime: '2026-03-10T14:00:00Z' },
      { id: 2, name: 'off', status: 0, nextExecuteTime: '2026-03-10T12:30:00Z' },
      { id: 3, name: 'sooner', status: 1, nextExecuteTime: '2026-03-10T13:00:00Z' },
    ] as Task[]
    expect(upcomingFires(tasks, 5).map((t) => t.name)).toEqual(['sooner', 'later'])
  })
})

describe('dashboard page', () => {
  it('links each tile to the filtered list', async () => {
    mockApi({
      'GET /tasks': (call) => ({ data: page([], call.query.get('status') === '1' ? 4 : 9) }),
      'GET /records/stats': { data: { total: 10, success: 9, fail: 1, successRate: 90, avgCostTime: 12, daily: [] } },
      'GET /records/totals': { data: { total: 300, success: 50, fail: 250, successRate: 16.67, avgCostTime: 9, maxCostTime: 20 } },
      'GET /records': { data: page([]) },
    })
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn() })

    expect(wrapper.get('[data-testid="tile-tasks-value"]').text()).toBe('9')
    expect(wrapper.get('[data-testid="tile-enabled"]').text()).toBe('4 enabled')
    expect(wrapper.get('[data-testid="tile-enabled"]').attributes('href')).toBe('/tasks?status=1')
    expect(wrapper.get('[data-testid="tile-failures"]').attributes('href')).toBe('/records?range=24h&success=0')
    expect(wrapper.get('[data-testid="tile-rate"]').text()).toContain('90.0%')
    expect(wrapper.get('[data-testid="tile-failures-value"]').text()).toBe('250')
  })

  it('reads the success rate as the percentage the API sends, also below 1 %', async () => {
    mockApi({
      'GET /tasks': { data: page([]) },
      'GET /records/stats': { data: { total: 1000, success: 8, fail: 992, successRate: 0.8, avgCostTime: 12, daily: [] } },
      'GET /records/totals': { data: { total: 10, success: 0, fail: 10, successRate: 0, avgCostTime: 0, maxCostTime: 0 } },
      'GET /records': { data: page([]) },
    })
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn() })

    expect(wrapper.get('[data-testid="tile-rate-value"]').text()).toBe('0.8%')
  })

  it("counts the last 24 hours' failures from the server's aggregates, past any sample size", async () => {
    const { calls } = mockApi({
      'GET /tasks': { data: page([]) },
      'GET /records/stats': { data: { total: 0, success: 0, fail: 0, successRate: 0, avgCostTime: 0, daily: [] } },
      'GET /records/totals': { data: { total: 5000, success: 679, fail: 4321, successRate: 13.58, avgCostTime: 9, maxCostTime: 20 } },
      'GET /records': { data: page([]) },
    })
    const before = Date.now()
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn() })

    expect(wrapper.get('[data-testid="tile-failures-value"]').text()).toBe('4321')
    const query = calls.find((c) => c.path === '/records/totals')!.query
    const span = Date.parse(query.get('to')!) - Date.parse(query.get('from')!)
    expect(span).toBe(24 * 60 * 60 * 1000)
    expect(Date.parse(query.get('to')!)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('shows no task or record tiles to users without those permissions', async () => {
    mockApi({})
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn([]) })

    expect(wrapper.find('[data-testid="tile-tasks"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="tile-failures"]').exists()).toBe(false)
  })
})
