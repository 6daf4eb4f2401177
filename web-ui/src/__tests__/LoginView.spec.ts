import { describe, expect, it } from 'vitest'
import { mockApi, mountConsole, settle } from './helpers'

const user = { id: 1, username: 'admin', realName: 'Admin', departmentId: 1, departmentName: '总部', roleId: 1, roleName: '管理员' }

describe('login view', () => {
  it('signs in once when Enter is pressed in the password field', async () => {
    const { calls } = mockApi({
      'POST /auth/login': { data: { token: 'access-1', refreshToken: 'refresh-1', expiresIn: 1800, user } },
      'GET /auth/userinfo': { data: { ...user, permissions: [] } },
    })
    const { wrapper } = await mountConsole('/login')
    await wrapper.find('[data-testid="login-username"]').setValue('admin')
    const password = wrapper.find('[data-testid="login-password"]')
    await password.setValue('secret-password')

    // what a browser does on Enter in a field of a form: the key events, then the form's implicit submission
    await password.trigger('keydown', { key: 'Enter' })
    await password.trigger('keyup', { key: 'Enter' })
    await wrapper.find('form').trigger('submit')
    await settle()

    expect(calls.filter((call) => call.path === '/auth/login')).toHaveLength(1)
  })

  it('signs in once however often the button is pressed while the first attempt runs', async () => {
    const { calls } = mockApi({
      'POST /auth/login': async () => {
        await new Promise((resolve) => setTimeout(resolve, 20))
        return { status: 401, code: 4010, message: 'invalid username or password' }
      },
    })
    const { wrapper } = await mountConsole('/login')
    await wrapper.find('[data-testid="login-username"]').setValue('admin')
    await wrapper.find('[data-testid="login-password"]').setValue('wrong-password')

    await wrapper.find('form').trigger('submit')
    await wrapper.find('form').trigger('submit')
    await settle(40)

    expect(calls.filter((call) => call.path === '/auth/login')).toHaveLength(1)
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('invalid username or password')
  })
})
