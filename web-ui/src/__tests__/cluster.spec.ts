import { describe, expect, it } from 'vitest'
import type { Instance } from '@/api/cluster'
import { mockApi, mountConsole, settle, signIn } from './helpers'

const instances: Instance[] = [
  {
    id: 'node-a:101:1a2b3c4d', host: 'node-a', version: '1.0.0', started: '2026-12-01T08:00:00+08:00',
    lastHeartbeat: '2026-12-01T09:00:00+08:00', firesClaimed: 12, firesRunning: 3, healthy: true, self: true,
  },
  {
    id: 'node-b:202:5e6f7a8b', host: 'node-b', version: null, started: '2026-12-01T07:00:00+08:00',
    lastHeartbeat: '2026-12-01T08:30:00+08:00', firesClaimed: 4, firesRunning: 0, healthy: false, self: false,
  },
]

describe('cluster page', () => {
  it('lists every instance with its load and health, marking the one that answered', async () => {
    mockApi({ 'GET /instances': { data: instances } })
    const { wrapper } = await mountConsole('/cluster', { before: () => signIn() })

    const rows = wrapper.findAll('[data-testid="cluster-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('node-a:101:1a2b3c4d')
    expect(rows[0]!.text()).toContain('1.0.0')
    expect(rows[0]!.find('[data-testid="cluster-self"]').exists()).toBe(true)
    expect(rows[0]!.find('[data-testid="cluster-health-up"]').text()).toBe('Healthy')
    expect(rows[1]!.find('[data-testid="cluster-self"]').exists()).toBe(false)
    expect(rows[1]!.find('[data-testid="cluster-health-down"]').text()).toBe('Silent')
    expect(rows[1]!.text()).toContain('—')
    expect(wrapper.get('[data-testid="cluster-summary"]').text()).toBe('1 of 2 instances healthy')
  })

  it('asks the server again on refresh', async () => {
    const { calls } = mockApi({ 'GET /instances': { data: instances } })
    const { wrapper } = await mountConsole('/cluster', { before: () => signIn() })
    const before = calls.filter((c) => c.path === '/instances').length

    await wrapper.get('[data-testid="cluster-refresh"]').trigger('click')
    await settle()

    expect(before).toBeGreaterThanOrEqual(1)
    expect(calls.filter((c) => c.path === '/instances')).toHaveLength(before + 1)
  })

  it('is out of reach without task:view, and not in the menu', async () => {
    mockApi({ 'GET /instances': { data: instances } })
    const { router, wrapper } = await mountConsole('/cluster', { before: () => signIn(['record:view']) })

    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(wrapper.find('[data-testid="menu-cluster"]').exists()).toBe(false)
  })
})
