import { http, type Page } from './http'

export interface AuditEntry {
  id: number
  actorId: number | null
  actor: string | null
  actorDepartmentId: number | null
  action: string
  targetType: string
  targetId: number | null
  outcome: 'SUCCESS' | 'FAILURE'
  detail: string | null
  clientAddress: string | null
  time: string
}

export interface AuditQuery {
  page?: number
  size?: number
  actor?: string
  action?: string
  targetType?: string
  /** ISO-8601 instants with offset. */
  from?: string
  to?: string
}

/** Actions and target types the server records; the filters accept others too. */
export const AUDIT_ACTIONS = ['LOGIN', 'LOGOUT', 'CREATE', 'UPDATE', 'DELETE', 'CHANGE_PASSWORD', 'RUN', 'CANCEL', 'TEST_CALL']
export const AUDIT_TARGET_TYPES = ['USER', 'ROLE', 'DEPARTMENT', 'TASK']

export const auditApi = {
  list: (query: AuditQuery) => http.get<Page<AuditEntry>>('/audit-logs', { ...query }),
}
