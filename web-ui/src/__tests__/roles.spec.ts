import { describe, expect, it } from 'vitest'
import type { Role } from '@/api/org'
import { mockApi, mountConsole, page, settle, signIn } from './helpers'

const permissions = [
  { id: 1, name: 'View tasks', code: 'task:view' },
  { id: 5, name: 'View records', code: 'record:view' },
]

/** The role API over a list the test can read back. */
function roleServer(roles: Role[]) {
  return mockApi({
    'GET /roles': () => ({ data: page(roles) }),
    'GET /permissions': { data: permissions },
    'POST /roles': (call) => {
      const body = call.body as Role
      if (roles.some((role) => role.name === body.name)) return { status: 400, message: 'name: a role of that name exists' }
      roles.push({ ...body, id: roles.length + 10, status: 1 })
      return { data: roles.at(-1) }
    },
    'DELETE /roles/:id': (call) => {
      roles.splice(roles.findIndex((role) => `/roles/${role.id}` === call.path), 1)
      return { data: null }
    },
  })
}

describe('role page', () => {
  it('creates a role through its dialog and lists it', async () => {
    const roles: Role[] = []
    const { calls } = roleServer(roles)
    const { wrapper } = await mountConsole('/roles', { before: () => signIn() })

    await wrapper.get('[data-testid="role-create"]').trigger('click')
    await settle()
    await wrapper.get('input[data-testid="role-name"]').setValue('auditor')
    await wrapper.get('[data-testid="role-save"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ name: 'auditor', permissions: [], status: 1 })
    expect(wrapper.find('[data-role="auditor"]').exists()).toBe(true)
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/roles')).toHaveLength(2)
  })

  it("shows the server's refusal under the name", async () => {
    roleServer([{ id: 3, name: 'auditor', status: 1 }])
    const { wrapper } = await mountConsole('/roles', { before: () => signIn() })

    await wrapper.get('[data-testid="role-create"]').trigger('click')
    await settle()
    await wrapper.get('input[data-testid="role-name"]').setValue('auditor')
    await wrapper.get('[data-testid="role-save"]').trigger('click')
    // Element Plus shows a form item's error state after a short debounce.
    await settle(250)

    expect(wrapper.get('[data-testid="role-dialog"] .el-form-item__error').text()).toBe('a role of that name exists')
  })

  it('deletes a role once the user confirms, and lists what is left', async () => {
    const roles: Role[] = [{ id: 3, name: 'auditor', status: 1 }, { id: 4, name: 'operator', status: 1 }]
    const { calls } = roleServer(roles)
    const { wrapper } = await mountConsole('/roles', { before: () => signIn() })

    await wrapper.get('[data-role="auditor"] [data-testid="role-delete"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('.el-message-box__btns .el-button--primary')?.click()
    await settle()

    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/roles/3')
    expect(wrapper.find('[data-role="auditor"]').exists()).toBe(false)
    expect(wrapper.find('[data-role="operator"]').exists()).toBe(true)
  })
})
