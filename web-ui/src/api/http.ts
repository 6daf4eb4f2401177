/**
 * The REST client: unwraps the {code, message, data} envelope, attaches the access token and, when the server
 * answers 401, refreshes the session once for every request waiting on it before retrying.
 */

export const API_BASE: string = import.meta.env.VITE_API_BASE ?? '/v1'

/** A page of a list: `page` from 1, `total` over every page. */
export interface Page<T> {
  list: T[]
  total: number
  page: number
  size: number
}

/** An API failure: HTTP status, envelope code, message and the fields the message names. */
export interface MessageKey {
  messageKey: string
  params: Record<string, unknown>
}

function messageKeyOf(data: unknown): MessageKey | null {
  const candidate = data as Partial<MessageKey> | null | undefined
  return candidate && typeof candidate.messageKey === 'string'
    ? { messageKey: candidate.messageKey, params: candidate.params ?? {} }
    : null
}

/** One field problem of a refused request; its key is `validation.<rule>`, its message `<field>: <text>`. */
export interface FieldProblem {
  field: string
  rule: string
  params: Record<string, unknown>
  message: string
}

function fieldProblemsOf(data: unknown): FieldProblem[] {
  const list = (data as { fieldErrors?: unknown } | null | undefined)?.fieldErrors
  return Array.isArray(list)
    ? list.filter((problem): problem is FieldProblem => typeof problem?.field === 'string' && typeof problem?.rule === 'string')
      .map((problem) => ({ ...problem, params: problem.params ?? {}, message: String(problem.message ?? '') }))
    : []
}

export class ApiError extends Error {
  readonly status: number
  readonly code: number
  readonly fieldErrors: Record<string, string>
  /** The translatable form of the message (`data: {messageKey, params}` of the envelope), when the server sent one. */
  readonly key: MessageKey | null
  /** Every field problem of a refused request (`data.fieldErrors`), the first of which is the message. */
  readonly problems: FieldProblem[]

  constructor(status: number, code: number, message: string, key: MessageKey | null = null, problems: FieldProblem[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fieldErrors = parseFieldErrors(message)
    this.key = key
    this.problems = problems
  }
}

/**
 * The server names the offending fields in validation messages: `name: must not be blank; cron: invalid`.
 * Returns the message per field, or nothing when the message names none.
 */
export function parseFieldErrors(message: string): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const part of message.split(/;\s*/)) {
    const match = /^([A-Za-z][\w.[\]]*):\s+(.+)$/.exec(part.trim())
    if (match && match[1] && match[2]) {
      const field = match[1].replace(/\[\d+]$/, '')
      errors[field] = errors[field] ? `${errors[field]}; ${match[2]}` : match[2]
    }
  }
  return errors
}

/** What the client needs from the session: the current token, a way to renew it, and what to do when it cannot. */
export interface SessionHooks {
  accessToken(): string | null
  refresh(): Promise<boolean>
  expired(): void
}

let session: SessionHooks | null = null
let refreshing: Promise<boolean> | null = null

export function connectSession(hooks: SessionHooks | null): void {
  session = hooks
  refreshing = null
}

export type QueryValue = string | number | boolean | null | undefined
export interface RequestOptions {
  query?: Record<string, QueryValue>
  body?: unknown
  /** Requests of the session itself (login, refresh) must not trigger a refresh. */
  anonymous?: boolean
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const search = params.toString()
  return `${API_BASE}${path}${search ? `?${search}` : ''}`
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`
  return fetch(buildUrl(path, options.query), {
    method,
    headers,
    // the refresh cookie goes along to the console's own origin only
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
}

async function unwrap<T>(response: Response): Promise<T> {
  let envelope: { code?: number; message?: string; data?: T } | null = null
  try {
    envelope = (await response.json()) as { code?: number; message?: string; data?: T }
  } catch {
    envelope = null
  }
  if (!envelope || typeof envelope.code !== 'number') {
    throw new ApiError(response.status, response.ok ? 5000 : response.status, response.statusText || 'unexpected response')
  }
  if (!response.ok || envelope.code !== 0) {
    throw new ApiError(response.status, envelope.code, envelope.message || response.statusText, messageKeyOf(envelope.data),
      fieldProblemsOf(envelope.data))
  }
  return envelope.data as T
}

/** One refresh at a time: every request that met a 401 meanwhile waits for the same outcome. */
function sharedRefresh(): Promise<boolean> {
  if (!session) return Promise.resolve(false)
  if (!refreshing) {
    const hooks = session
    refreshing = hooks
      .refresh()
      .catch(() => false)
      .finally(() => {
        refreshing = null
      })
  }
  return refreshing
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const token = session?.accessToken() ?? null
  let response = await send(method, path, options, token)
  if (response.status === 401 && !options.anonymous && session) {
    const current = session.accessToken()
    // Another request may already have renewed the token this one was sent with.
    const renewed = current !== null && current !== token ? true : await sharedRefresh()
    if (!renewed) {
      session?.expired()
      return unwrap<T>(response)
    }
    response = await send(method, path, options, session?.accessToken() ?? null)
    if (response.status === 401) session?.expired()
  }
  return unwrap<T>(response)
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}
