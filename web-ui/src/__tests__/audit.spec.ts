import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '@/api/audit'
import { mockApi, mountConsole, page, settle, signIn } from './helpers'

const entries: AuditEntry[] = [
  {
    id: 7, actorId: 1, actor: 'admin', actorDepartmentId: 1, action: 'DELETE', targetType: 'TASK', targetId: 42,
    outcome: 'SUCCESS', detail: null, clientAddress: '127.0.0.1', time: '2026-12-01T09:00:00+08:00',
  },
  {
    id: 6, actorId: null, actor: 'mallory', actorDepartmentId: null, action: 'LOGIN', targetType: 'USER', targetId: null,
    outcome: 'FAILURE', detail: 'bad credentials', clientAddress: '127.0.0.2', time: '2026-12-01T08:00:00+08:00',
  },
]

describe('audit log page', () => {
  it('lists what was done, by whom, to what, and how it ended', async () => {
    mockApi({ 'GET /audit-logs': { data: page(entries) } })
    const { wrapper } = await mountConsole('/audit-logs', { before: () => signIn() })

    const rows = wrapper.findAll('[data-testid="audit-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('admin')
    expect(rows[0]!.text()).toContain('DELETE')
    expect(rows[0]!.text()).toContain('TASK #42')
    expect(rows[0]!.text()).toContain('Success')
    expect(rows[1]!.text()).toContain('mallory')
    expect(rows[1]!.text()).toContain('Failed')
    expect(rows[1]!.text()).toContain('bad credentials')
  })

  it('sends the filters of the URL (actor, action, target type, time range) to the server', async () => {
    const { calls } = mockApi({ 'GET /audit-logs': { data: page([]) } })
    const from = '2026-12-01T00:00:00+08:00'
    const to = '2026-12-02T00:00:00+08:00'
    await mountConsole(`/audit-logs?actor=admin&action=DELETE&targetType=TASK&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      { before: () => signIn() })

    const query = calls.find((c) => c.path === '/audit-logs')!.query
    expect(query.get('actor')).toBe('admin')
    expect(query.get('action')).toBe('DELETE')
    expect(query.get('targetType')).toBe('TASK')
    expect(query.get('from')).toBe(from)
    expect(query.get('to')).toBe(to)
  })

  it('searches by actor from page one', async () => {
    const { calls } = mockApi({ 'GET /audit-logs': { data: page(entries, 30) } })
    const { wrapper } = await mountConsole('/audit-logs?page=2', { before: () => signIn() })

    await wrapper.get('input[data-testid="audit-actor"]').setValue('mallory')
    await wrapper.get('[data-testid="audit-filters"]').trigger('submit')
    await settle()

    const last = calls.filter((c) => c.path === '/audit-logs').at(-1)!.query
    expect(last.get('actor')).toBe('mallory')
    expect(last.get('page')).toBe('1')
  })

  it('is out of reach without user:manage, and not in the menu', async () => {
    mockApi({ 'GET /audit-logs': { data: page(entries) } })
    const { router, wrapper } = await mountConsole('/audit-logs', { before: () => signIn(['task:view']) })

    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(wrapper.find('[data-testid="menu-audit-logs"]').exists()).toBe(false)
  })
})
