/** Direct REST calls: to find out which APIs this server has, and to check what the console did. */
export class Api {
  constructor(origin) {
    this.base = `${origin}/v1`
    this.token = null
  }

  async call(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    let json = null
    try {
      json = await response.json()
    } catch {
      json = null
    }
    return { status: response.status, body: json, data: json?.data }
  }

  async login(username, password) {
    const result = await this.call('POST', '/auth/login', { username, password })
    if (result.status !== 200) throw new Error(`API login of ${username} failed: ${JSON.stringify(result.body)}`)
    this.token = result.data.token
    return this
  }

  /** An API exists when the server routes it: anything but 404 (401 without a token counts as existing). */
  async exists(method, path, body) {
    const { status } = await this.call(method, path, body)
    return status !== 404
  }

  async capabilities() {
    const [auth, tasks, preview, records, departments, users, roles, instances, auditLogs, alerts, running, grpcMethods] = await Promise.all([
      this.exists('POST', '/auth/login', {}),
      this.exists('GET', '/tasks'),
      this.exists('POST', '/tasks/cron/preview', {}),
      this.exists('GET', '/records?year=2026&month=1'),
      this.exists('GET', '/departments'),
      this.exists('GET', '/users'),
      this.exists('GET', '/roles'),
      this.exists('GET', '/instances'),
      this.exists('GET', '/audit-logs'),
      this.exists('GET', '/alert-channels'),
      this.exists('GET', '/executions/running'),
      this.exists('POST', '/tasks/grpc/methods', {}),
    ])
    return { auth, tasks, preview, records, departments, users, roles, instances, auditLogs, alerts, running, grpcMethods }
  }
}
