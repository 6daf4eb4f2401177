import { buildUrl, http, type Page } from './http'
import type { StartedFire, TaskType } from './tasks'

export type TriggerType = 'CRON' | 'MANUAL' | 'API' | 'RETRY' | 'MISFIRE'

export interface ExecutionRecord {
  id: number
  taskId: number
  taskName?: string | null
  taskType?: TaskType | null
  departmentId?: number | null
  /** Names one fire: the manual run that started it links here. */
  fireId?: string | null
  scheduledTime?: string | null
  startTime?: string | null
  endTime?: string | null
  costTime?: number | null
  success?: boolean | number | null
  /** 0 running, 1 success, 2 failed. */
  status: 0 | 1 | 2
  statusCode?: number | string | null
  response?: string | null
  error?: string | null
  retryTimes?: number | null
  usedFallback?: boolean | number | null
  triggerType?: TriggerType | null
  executor?: string | null
  /** The OpenTelemetry trace of the fire, when it was sampled. */
  traceId?: string | null
  /** The trace in Jaeger or Tempo, when the server has tracing.uiUrlTemplate. */
  traceUrl?: string | null
  /** Each call the fire made, oldest first. */
  attempts?: ExecutionAttempt[] | null
}

/** One call of a fire to its primary or fallback target. */
export interface ExecutionAttempt {
  attempt: number
  fallback: boolean
  /** A URL, or for gRPC address/service/method. */
  target: string
  statusCode?: number | null
  durationMillis: number
  error?: string | null
}

export interface RecordQuery {
  year?: number
  month?: number
  /** ISO instants of any range, across months. */
  from?: string
  to?: string
  errorKeyword?: string
  fireId?: string
  page?: number
  size?: number
  taskId?: number
  departmentId?: number
  success?: 0 | 1
  taskType?: TaskType
}

export interface DailyStat {
  date: string
  total: number
  success: number
  fail: number
}

export interface RecordStats {
  total: number
  success: number
  fail: number
  successRate: number
  avgCostTime: number
  daily: DailyStat[]
}

/** Figures over a period; successRate in percent (0-100). */
export interface RecordTotals {
  total: number
  success: number
  fail: number
  successRate: number
  avgCostTime: number
  maxCostTime: number
}

export interface StatsQuery {
  year: number
  month: number
  taskId?: number
  departmentId?: number
}

export const recordsApi = {
  list: (query: RecordQuery) => http.get<Page<ExecutionRecord>>('/records', { ...query }),
  get: (id: number, year?: number, month?: number) => http.get<ExecutionRecord>(`/records/${id}`, { year, month }),
  stats: (query: StatsQuery) => http.get<RecordStats>('/records/stats', { ...query }),
  rerun: (id: number, year?: number, month?: number) => http.post<StartedFire | null>(`/records/${id}/rerun`, undefined, { query: { year, month } }),
  /** The address of the CSV of every record the query matches. */
  exportUrl: (query: Omit<RecordQuery, 'page' | 'size'>) => buildUrl('/records/export', { ...query }),
  /** Figures over [from, to) (ISO instants) from aggregates across the month tables. */
  totals: (from: string, to: string) => http.get<RecordTotals>('/records/totals', { from, to }),
}
