import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { REFRESH_TOKEN_KEY, tokenExpiry, useSessionStore } from '@/stores/session'
import { mockApi } from './helpers'

const user = { id: 3, username: 'ops', realName: 'Ops', departmentId: 2, departmentName: '研发', roleId: 4, roleName: '观察员' }

describe('session', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('keeps the access token in memory and only the refresh token in storage', async () => {
    mockApi({
      'POST /auth/login': { data: { token: 'access-1', refreshToken: 'refresh-1', expiresIn: 1800, user } },
      'GET /auth/userinfo': { data: { ...user, permissions: ['task:view'] } },
    })
    const session = useSessionStore()

    await session.login('ops', 'secret')

    expect(session.accessToken).toBe('access-1')
    expect(session.can('task:view')).toBe(true)
    expect(session.can('task:delete')).toBe(false)
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1')
    expect(JSON.stringify({ ...localStorage })).not.toContain('access-1')
  })

  it('logs out on the server and forgets everything', async () => {
    const { calls } = mockApi({
      'POST /auth/login': { data: { token: 'access-1', refreshToken: 'refresh-1', user } },
      'GET /auth/userinfo': { data: { ...user, permissions: [] } },
      'POST /auth/logout': { data: null },
    })
    const session = useSessionStore()
    await session.login('ops', 'secret')

    await session.logout()

    expect(calls.find((c) => c.path === '/auth/logout')?.authorization).toBe('Bearer access-1')
    expect(session.loggedIn).toBe(false)
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
  })

  it('drops the session when the refresh token is refused', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'revoked')
    mockApi({ 'POST /auth/refresh': { status: 401, code: 4010, message: 'revoked' } })
    const session = useSessionStore()

    await session.restore()

    expect(session.loggedIn).toBe(false)
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
  })

  describe('in two tabs', () => {
    /** The Web Locks API as browsers give it to the tabs of one origin: one holder at a time, in turn. */
    function shareLocksBetweenTabs() {
      let tail: Promise<unknown> = Promise.resolve()
      const request = (_name: string, work: () => Promise<unknown>) => {
        const run = tail.then(work)
        tail = run.catch(() => undefined)
        return run
      }
      Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true })
    }

    afterEach(() => {
      Reflect.deleteProperty(navigator, 'locks')
    })

    it('refresh in turn, each with the token the other left, so the session survives', async () => {
      shareLocksBetweenTabs()
      let current = 1
      const { calls } = mockApi({
        'POST /auth/refresh': async (call) => {
          const presented = (call.body as { refreshToken: string }).refreshToken
          await new Promise((resolve) => setTimeout(resolve, 5))
          // as the server does: a rotated-out token presented again ends the whole session
          if (presented !== `refresh-${current}`) return { status: 401, code: 4010, message: 'refresh token reused' }
          current++
          return { data: { token: `access-${current}`, refreshToken: `refresh-${current}`, expiresIn: 1800 } }
        },
      })
      localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1')
      const firstTab = useSessionStore(createPinia())
      const secondTab = useSessionStore(createPinia())

      const refreshed = await Promise.all([firstTab.refresh(), secondTab.refresh()])

      expect(refreshed).toEqual([true, true])
      expect(calls.map((c) => (c.body as { refreshToken: string }).refreshToken)).toEqual(['refresh-1', 'refresh-2'])
      expect([firstTab.accessToken, secondTab.accessToken]).toEqual(['access-2', 'access-3'])
      expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-3')
    })
  })

  it('reads the expiry of a JWT', () => {
    const payload = btoa(JSON.stringify({ sub: '1', exp: 1_900_000_000 })).replace(/=+$/, '')
    expect(tokenExpiry(`header.${payload}.signature`)).toBe(1_900_000_000)
    expect(tokenExpiry('not-a-jwt')).toBeNull()
  })
})
