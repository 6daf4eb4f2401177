import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type UserInfo } from '@/api/auth'
import { connectSession } from '@/api/http'

/**
 * The access token stays in memory; the refresh token lives in an HttpOnly cookie the server sets, which no script
 * (ours or an injected one) can read. Earlier versions kept it in localStorage under this key: it is removed.
 */
export const LEGACY_REFRESH_TOKEN_KEY = 'dj.refreshToken'
/**
 * Remembers, without any secret, that this browser holds a session cookie, so a page load asks the server for a
 * session only when there may be one (the cookie itself is out of the script's sight).
 */
export const SIGNED_IN_KEY = 'dj.signedIn'
/** Renew the access token this long before it expires, so requests rarely meet a 401. */
const RENEW_AHEAD_MS = 60_000
const MIN_RENEW_DELAY_MS = 5_000
/**
 * Tabs of the console take turns under this lock to refresh: two refreshes with the same token (tabs restored
 * together, say) would look like a stolen token to the server, which then ends the session.
 */
const REFRESH_LOCK = 'dj.refresh'

/** Runs `work` while no other tab of this origin refreshes; at once where there is no Web Locks API (plain HTTP off localhost). */
async function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks
  if (!locks) return work()
  return await locks.request(REFRESH_LOCK, work)
}

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
    const exp = (JSON.parse(json) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp : null
  } catch {
    return null
  }
}

export const useSessionStore = defineStore('session', () => {
  const accessToken = ref<string | null>(null)
  const user = ref<UserInfo | null>(null)
  const restored = ref(false)
  let renewTimer: ReturnType<typeof setTimeout> | undefined
  let expiredListener: () => void = () => {}

  const permissions = computed(() => new Set(user.value?.permissions ?? []))
  const loggedIn = computed(() => accessToken.value !== null && user.value !== null)
  /** Signed in with the sample password: nothing but changing it until then. */
  const passwordChangeRequired = computed(() => user.value?.passwordChangeRequired === true)

  function can(code: string | undefined): boolean {
    return !code || permissions.value.has(code)
  }

  function scheduleRenewal(token: string) {
    clearTimeout(renewTimer)
    const exp = tokenExpiry(token)
    if (exp === null) return
    const delay = Math.max(exp * 1000 - Date.now() - RENEW_AHEAD_MS, MIN_RENEW_DELAY_MS)
    renewTimer = setTimeout(() => void refresh(), delay)
  }

  function storeToken(token: string) {
    accessToken.value = token
    localStorage.setItem(SIGNED_IN_KEY, '1')
    scheduleRenewal(token)
  }

  function clear() {
    clearTimeout(renewTimer)
    accessToken.value = null
    user.value = null
    localStorage.removeItem(SIGNED_IN_KEY)
  }

  function refresh(): Promise<boolean> {
    return oneTabAtATime(async () => {
      // The browser sends the cookie as it is now: another tab may have rotated it meanwhile.
      try {
        const result = await authApi.refresh()
        storeToken(result.token)
        return true
      } catch {
        clear()
        return false
      }
    })
  }

  async function loadUser() {
    user.value = await authApi.userinfo()
  }

  async function login(username: string, password: string) {
    const result = await authApi.login(username, password)
    storeToken(result.token)
    user.value = { ...result.user, permissions: [], passwordChangeRequired: result.passwordChangeRequired === true }
    await loadUser()
  }

  /** On page load: the refresh cookie, when there is one, brings the session back without asking for the password. */
  async function restore(): Promise<void> {
    if (restored.value) return
    restored.value = true
    localStorage.removeItem(LEGACY_REFRESH_TOKEN_KEY)
    if (accessToken.value || !localStorage.getItem(SIGNED_IN_KEY)) return
    if (await refresh()) {
      try {
        await loadUser()
      } catch {
        clear()
      }
    }
  }

  async function logout() {
    try {
      if (accessToken.value) await authApi.logout()
    } catch {
      // The session ends here whatever the server answered.
    } finally {
      clear()
    }
  }

  function onExpired(listener: () => void) {
    expiredListener = listener
  }

  connectSession({
    accessToken: () => accessToken.value,
    refresh,
    expired: () => {
      clear()
      expiredListener()
    },
  })

  return { accessToken, user, restored, permissions, loggedIn, passwordChangeRequired, can, login, logout, refresh, restore, loadUser, onExpired, clear }
})
