import { describe, expect, it } from 'vitest'
import { slowestTasks, upcomingFires } from '@/views/dashboard'
import type { ExecutionRecord, Task } from '@/api/types'
import { mockApi, mountConsole, page, signIn } from './helpers'

describe('dashboard figures', () => {
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
      'GET /records/stats': { data: { total: 1000, success: 8, fail: 992, successRate: 0.8, avgCostTime: 12, daily: [] } },
      'GET /records/totals': { data: { total: 300, success: 50, fail: 250, successRate: 16.67, avgCostTime: 9, maxCostTime: 20 } },
      'GET /records': { data: page([]) },
    })
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn() })

    expect(wrapper.get('[data-testid="tile-tasks-value"]').text()).toBe('9')
    expect(wrapper.get('[data-testid="tile-enabled"]').text()).toBe('4 enabled')
    expect(wrapper.get('[data-testid="tile-enabled"]').attributes('href')).toBe('/tasks?status=1')
    expect(wrapper.get('[data-testid="tile-failures"]').attributes('href')).toMatch(/^\/records\?month=\d{4}-\d{2}&success=0$/)
    expect(wrapper.get('[data-testid="tile-rate"]').text()).toContain('0.8%')
    expect(wrapper.get('[data-testid="tile-failures"]').text()).toContain('250')
  })

  it('shows no task or record tiles to users without those permissions', async () => {
    mockApi({})
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn([]) })

    expect(wrapper.find('[data-testid="tile-tasks"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="tile-failures"]').exists()).toBe(false)
  })
})
