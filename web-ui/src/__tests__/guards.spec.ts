import { describe, expect, it } from 'vitest'
import { mockApi, mountConsole, page, signIn } from './helpers'

describe('route guards', () => {
  it('sends signed-out visitors to the login page and remembers where they were going', async () => {
    mockApi({})
    const { router, wrapper } = await mountConsole('/tasks?keyword=abc')

    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/tasks?keyword=abc')
    expect(wrapper.find('[data-testid="login-submit"]').exists()).toBe(true)
  })

  it('shows the forbidden page for pages outside the permissions', async () => {
    mockApi({})
    const { router, wrapper } = await mountConsole('/users', { before: () => signIn(['task:view']) })

    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(wrapper.find('[data-testid="forbidden"]').exists()).toBe(true)
  })

  it('shows only the menu entries the permissions allow', async () => {
    mockApi({ 'GET /tasks': { data: page([]) } })
    const { wrapper } = await mountConsole('/dashboard', { before: () => signIn(['task:view']) })

    const entries = wrapper.findAll('[data-testid^="menu-"]').map((item) => item.attributes('data-testid'))
    expect(entries).toContain('menu-tasks')
    expect(entries).not.toContain('menu-records')
    expect(entries).not.toContain('menu-users')
    expect(entries).not.toContain('menu-roles')
    expect(entries).not.toContain('menu-departments')
  })

  it('brings a session back from the refresh cookie', async () => {
    localStorage.setItem('dj.signedIn', '1')
    const { calls } = mockApi({
      'POST /auth/refresh': { data: { token: 'access-2', refreshToken: 'refresh-2' } },
      'GET /auth/userinfo': { data: { id: 1, username: 'admin', realName: 'Admin', departmentId: 1, roleId: 1, permissions: ['record:view'] } },
      'GET /records/stats': { data: { total: 0, success: 0, fail: 0, successRate: 0, avgCostTime: 0, daily: [] } },
      'GET /records': { data: page([]) },
    })

    const { router } = await mountConsole('/dashboard')

    expect(router.currentRoute.value.name).toBe('dashboard')
    expect(calls.find((c) => c.path === '/auth/refresh')?.body).toEqual({})
    expect(calls.find((c) => c.path === '/auth/userinfo')?.authorization).toBe('Bearer access-2')
  })

  it('opens the password change first while the sample password is unchanged', async () => {
    mockApi({})
    const { router, wrapper } = await mountConsole('/tasks', {
      before: () => {
        signIn().user!.passwordChangeRequired = true
      },
    })

    expect(router.currentRoute.value.name).toBe('profile')
    expect(wrapper.find('[data-testid="password-change-required"]').exists()).toBe(true)
    await router.push('/dashboard')
    expect(router.currentRoute.value.name).toBe('profile')
  })
})
