import { describe, expect, it } from 'vitest'
import { countRecentFailures, slowestTasks, upcomingFires } from '@/views/dashboard'
import type { ExecutionRecord, Task } from '@/api/types'
import { mockApi, mountConsole, page, signIn } from './helpers'

const now = Date.parse('2026-03-10T12:00:00Z')
const failed = (id: number, at: string): ExecutionRecord => ({ id, taskId: 1, status: 2, scheduledTime: at })

describe('dashboard figures', () => {
  it('counts failures within the last 24 hours', () => {
    const records = [failed(1, '2026-03-10T11:00:00Z'), failed(2, '2026-03-09T13:00:00Z'), failed(3, '2026-03-09T11:00:00Z')]
    expect(countRecentFailures(records, now, 100)).toEqual({ count: 2, atLeast: false })
  })

  it('gives a lower bound when every sampled failure is recent', () => {
    const records = [failed(1, '2026-03-10T11:00:00Z'), failed(2, '2026-03-10T10:00:00Z')]
    expect(countRecentFailures(records, now, 2)).toEqual({ count: 2, atLeast: true })
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
      'GET /records/stats': { data: { total: 10, success: 9, fail: 1, successRate: 0.9, avgCostTime: 12, daily: [] } },
      'GET /records': { data: page([]) },
    })
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn() })

    expect(wrapper.get('[data-testid="tile-tasks-value"]').text()).toBe('9')
    expect(wrapper.get('[data-testid="tile-enabled"]').text()).toBe('4 enabled')
    expect(wrapper.get('[data-testid="tile-enabled"]').attributes('href')).toBe('/tasks?status=1')
    expect(wrapper.get('[data-testid="tile-failures"]').attributes('href')).toMatch(/^\/records\?month=\d{4}-\d{2}&success=0$/)
    expect(wrapper.get('[data-testid="tile-rate"]').text()).toContain('90.0%')
  })

  it('shows no task or record tiles to users without those permissions', async () => {
    mockApi({})
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn([]) })

    expect(wrapper.find('[data-testid="tile-tasks"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="tile-failures"]').exists()).toBe(false)
  })
})
