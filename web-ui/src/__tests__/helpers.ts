import { vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, RouterView, type Router } from 'vue-router'
import ElementPlus from 'element-plus'
import { mount, flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createConsoleI18n } from '@/i18n'
import { setErrorTranslator } from '@/utils/errors'
import { createConsoleRouter } from '@/router'
import { useSessionStore } from '@/stores/session'
import type { Locale } from '@/stores/preferences'

export interface Call {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  authorization: string | null
  credentials: RequestCredentials | undefined
}

export type Reply = { status?: number; data?: unknown; code?: number; message?: string }
export type Handler = (call: Call) => Reply | Promise<Reply>

/**
 * Stands in for the server at the HTTP boundary: `routes` maps "GET /tasks" to a reply (or a function of the
 * call). Unknown routes answer 404 in the envelope, like the server.
 */
export function mockApi(routes: Record<string, Reply | Handler>) {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://console.test')
    const path = url.pathname.replace(/^\/v1/, '')
    const headers = new Headers(init?.headers)
    const call: Call = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path,
      query: url.searchParams,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      authorization: headers.get('Authorization'),
      credentials: init?.credentials,
    }
    calls.push(call)
    const route = routes[`${call.method} ${path}`] ?? Object.entries(routes).find(([key]) => matches(key, call))?.[1]
    const reply: Reply = route === undefined ? { status: 404, code: 4004, message: 'not found' } : typeof route === 'function' ? await route(call) : route
    const status = reply.status ?? 200
    const code = reply.code ?? (status === 200 ? 0 : status * 10 + (status === 400 ? 1 : 0))
    return new Response(JSON.stringify({ code, message: reply.message ?? (code === 0 ? 'success' : 'error'), data: reply.data ?? null }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

/** "GET /tasks/:id" style keys. */
function matches(key: string, call: Call): boolean {
  const [method, pattern] = key.split(' ')
  if (method !== call.method || !pattern) return false
  const regex = new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`)
  return regex.test(call.path)
}

export const ALL_PERMISSIONS = [
  'task:view', 'task:create', 'task:update', 'task:delete', 'record:view', 'department:manage', 'user:manage', 'role:manage',
]

/** The server's answer to a cron preview. */
export function cronPreview(nextFireTimes: string[] = [], cron = '* * * * *') {
  return { cron, timezone: 'UTC', nextFireTimes, description: '' }
}

export function page<T>(list: T[], total = list.length, pageNo = 1, size = 10) {
  return { list, total, page: pageNo, size }
}

/** A signed-in session with the given permissions, without going through the login API. */
export function signIn(permissions: string[] = ALL_PERMISSIONS) {
  const session = useSessionStore()
  session.accessToken = 'access-token'
  session.user = {
    id: 1, username: 'admin', realName: '系统管理员', departmentId: 1, departmentName: '总部', roleId: 1, roleName: '管理员', permissions,
  }
  session.restored = true
  return session
}

export interface Mounted {
  router: Router
  wrapper: ReturnType<typeof mount>
}

/** Mounts the whole console (router, i18n, Element Plus) at a path, as the browser would load it. */
export async function mountConsole(path: string, options: { locale?: Locale; before?: () => void } = {}): Promise<Mounted> {
  const pinia = createPinia()
  setActivePinia(pinia)
  options.before?.()
  const router = createConsoleRouter(createMemoryHistory())
  const i18n = createConsoleI18n(options.locale ?? 'en')
  // as main.ts does: server errors are translated with the console's own texts
  setErrorTranslator((key, params) => (i18n.global.te(key) ? i18n.global.t(key, params) : null))
  const Root = defineComponent({ render: () => h('div', [h(RouterView)]) })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(Root, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { router, wrapper }
}

/** Waits for debounce timers and the requests they start. */
export async function settle(ms = 0) {
  if (ms) await new Promise((resolve) => setTimeout(resolve, ms))
  await flushPromises()
}
