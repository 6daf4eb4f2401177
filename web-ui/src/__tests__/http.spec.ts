import { describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, connectSession, http, parseFieldErrors } from '@/api/http'
import { mockApi } from './helpers'

describe('envelope', () => {
  it('returns the data of a successful answer', async () => {
    mockApi({ 'GET /tasks/7': { data: { id: 7, name: 'nightly' } } })
    connectSession(null)

    await expect(http.get('/tasks/7')).resolves.toEqual({ id: 7, name: 'nightly' })
  })

  it('turns an error envelope into an ApiError naming the fields', async () => {
    mockApi({ 'POST /tasks/http': { status: 400, code: 4001, message: 'name: must not be blank; cron: invalid cron expression' } })
    connectSession(null)

    const error = await http.post('/tasks/http', {}).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).code).toBe(4001)
    expect((error as ApiError).fieldErrors).toEqual({ name: 'must not be blank', cron: 'invalid cron expression' })
  })

  it('leaves empty query parameters out', () => {
    expect(buildUrl('/tasks', { page: 1, keyword: '', taskType: undefined, status: 0, departmentId: null })).toBe('/v1/tasks?page=1&status=0')
  })

  it('reads field names only from "field: message" parts', () => {
    expect(parseFieldErrors('malformed JSON request body')).toEqual({})
    expect(parseFieldErrors('headers: must be a JSON object')).toEqual({ headers: 'must be a JSON object' })
  })
})

describe('token refresh', () => {
  it('refreshes once for concurrent 401s and retries every request with the new token', async () => {
    let token = 'old'
    const { calls } = mockApi({
      'GET /tasks': (call) => (call.authorization === 'Bearer new' ? { data: 'tasks' } : { status: 401, code: 4010, message: 'expired' }),
      'GET /records': (call) => (call.authorization === 'Bearer new' ? { data: 'records' } : { status: 401, code: 4010, message: 'expired' }),
    })
    const refresh = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      token = 'new'
      return true
    })
    const expired = vi.fn()
    connectSession({ accessToken: () => token, refresh, expired })

    const results = await Promise.all([http.get('/tasks'), http.get('/records')])

    expect(results).toEqual(['tasks', 'records'])
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(expired).not.toHaveBeenCalled()
    expect(calls.filter((c) => c.authorization === 'Bearer new')).toHaveLength(2)
  })

  it('ends the session when the refresh fails', async () => {
    mockApi({ 'GET /tasks': { status: 401, code: 4010, message: 'token expired' } })
    const expired = vi.fn()
    connectSession({ accessToken: () => 'old', refresh: async () => false, expired })

    const error = await http.get('/tasks').catch((e: unknown) => e)

    expect((error as ApiError).status).toBe(401)
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('never refreshes for the session requests themselves', async () => {
    mockApi({ 'POST /auth/login': { status: 401, code: 4010, message: 'invalid username or password' } })
    const refresh = vi.fn(async () => true)
    connectSession({ accessToken: () => null, refresh, expired: vi.fn() })

    const error = await http.post('/auth/login', { username: 'a', password: 'b' }, { anonymous: true }).catch((e: unknown) => e)

    expect((error as ApiError).message).toBe('invalid username or password')
    expect(refresh).not.toHaveBeenCalled()
  })
})
