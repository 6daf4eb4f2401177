import { describe, expect, it } from 'vitest'
import type { Department } from '@/api/org'
import { mockApi, mountConsole, settle, signIn } from './helpers'

/** The department API over a list the test can read back. */
function departmentServer(departments: Department[]) {
  return mockApi({
    'GET /departments': () => ({ data: departments }),
    'POST /departments': (call) => {
      const body = call.body as Department
      departments.push({ ...body, id: departments.length + 10, status: 1 })
      return { data: departments.at(-1) }
    },
  })
}

describe('department page', () => {
  it('places a new department under the root unless another parent is picked', async () => {
    const departments: Department[] = [
      { id: 1, name: '总部', parentId: null, status: 1 },
      { id: 2, name: '研发', parentId: 1, status: 1 },
    ]
    const { calls } = departmentServer(departments)
    const { wrapper } = await mountConsole('/departments', { before: () => signIn() })

    await wrapper.get('[data-testid="department-create"]').trigger('click')
    await settle()
    await wrapper.get('input[data-testid="department-name"]').setValue('运维')
    await wrapper.get('[data-testid="department-save"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ name: '运维', parentId: 1 })
  })

  it('offers a scoped user their own department as the default parent', async () => {
    const { calls } = departmentServer([{ id: 7, name: 'ops', parentId: 1, status: 1 }])
    const { wrapper } = await mountConsole('/departments', { before: () => signIn() })

    await wrapper.get('[data-testid="department-create"]').trigger('click')
    await settle()
    await wrapper.get('input[data-testid="department-name"]').setValue('ops-sub')
    await wrapper.get('[data-testid="department-save"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ name: 'ops-sub', parentId: 7 })
  })
})
