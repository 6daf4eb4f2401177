import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { LEGACY_REFRESH_TOKEN_KEY, SIGNED_IN_KEY, tokenExpiry, useSessionStore } from '@/stores/session'
import { mockApi } from './helpers'

const user = { id: 3, username: 'ops', realName: 'Ops', departmentId: 2, departmentName: '研发', roleId: 4, roleName: '观察员' }

describe('session', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('keeps the access token in memory and no token in storage', async () => {
    mockApi({
      'POST /auth/login': { data: { token: 'access-1', refreshToken: 'refresh-1', expiresIn: 1800, user } },
      'GET /auth/userinfo': { data: { ...user, permissions: ['task:view'] } },
    })
    const session = useSessionStore()

    await session.login('ops', 'secret')

    expect(session.accessToken).toBe('access-1')
    expect(session.can('task:view')).toBe(true)
    expect(session.can('task:delete')).toBe(false)
    expect(JSON.stringify({ ...localStorage })).not.toContain('access-1')
    expect(JSON.stringify({ ...localStorage })).not.toContain('refresh-1')
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('refresh-1')
  })

  it('refreshes with the cookie alone, sending no token of its own', async () => {
    const { calls } = mockApi({ 'POST /auth/refresh': { data: { token: 'access-2', refreshToken: 'refresh-2', expiresIn: 1800 } } })
    const session = useSessionStore()

    expect(await session.refresh()).toBe(true)

    expect(calls[0]?.body).toEqual({})
    expect(calls[0]?.credentials).toBe('same-origin')
    expect(session.accessToken).toBe('access-2')
    expect(JSON.stringify({ ...localStorage })).not.toContain('refresh-2')
  })

  it('forgets a refresh token an earlier version left in storage', async () => {
    localStorage.setItem(LEGACY_REFRESH_TOKEN_KEY, 'left-behind')
    mockApi({})

    await useSessionStore().restore()

    expect(localStorage.getItem(LEGACY_REFRESH_TOKEN_KEY)).toBeNull()
  })

  it('does not ask the server for a session this browser never opened', async () => {
    const { calls } = mockApi({})

    await useSessionStore().restore()

    expect(calls).toHaveLength(0)
  })

  it('says when the password must change first', async () => {
    mockApi({
      'POST /auth/login': { data: { token: 'access-1', refreshToken: 'refresh-1', passwordChangeRequired: true, user } },
      'GET /auth/userinfo': { data: { ...user, permissions: ['task:view'], passwordChangeRequired: true } },
    })
    const session = useSessionStore()

    await session.login('admin', 'admin123')

    expect(session.passwordChangeRequired).toBe(true)
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
  })

  it('drops the session when the refresh cookie is refused', async () => {
    localStorage.setItem(SIGNED_IN_KEY, '1')
    mockApi({ 'POST /auth/refresh': { status: 401, code: 4010, message: 'revoked' } })
    const session = useSessionStore()

    await session.restore()

    expect(session.loggedIn).toBe(false)
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBeNull()
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

    it('refresh in turn, each with the cookie the other left, so the session survives', async () => {
      shareLocksBetweenTabs()
      // the browser's cookie jar, shared by the tabs: the server rotates it with every refresh
      let cookie = 'refresh-1'
      let current = 1
      const presented: string[] = []
      mockApi({
        'POST /auth/refresh': async () => {
          const sent = cookie
          presented.push(sent)
          await new Promise((resolve) => setTimeout(resolve, 5))
          // as the server does: a rotated-out token presented again ends the whole session
          if (sent !== `refresh-${current}`) return { status: 401, code: 4010, message: 'refresh token reused' }
          current++
          cookie = `refresh-${current}`
          return { data: { token: `access-${current}`, refreshToken: cookie, expiresIn: 1800 } }
        },
      })
      const firstTab = useSessionStore(createPinia())
      const secondTab = useSessionStore(createPinia())

      const refreshed = await Promise.all([firstTab.refresh(), secondTab.refresh()])

      expect(refreshed).toEqual([true, true])
      expect(presented).toEqual(['refresh-1', 'refresh-2'])
      expect([firstTab.accessToken, secondTab.accessToken]).toEqual(['access-2', 'access-3'])
    })
  })

  it('reads the expiry of a JWT', () => {
    const payload = btoa(JSON.stringify({ sub: '1', exp: 1_900_000_000 })).replace(/=+$/, '')
    expect(tokenExpiry(`header.${payload}.signature`)).toBe(1_900_000_000)
    expect(tokenExpiry('not-a-jwt')).toBeNull()
  })
})
