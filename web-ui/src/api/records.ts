import { http } from './http'
import type { ExecutionRecord, Page, RecordQuery, RecordStats, RecordTotals } from './types'

export interface StatsQuery {
  year: number
  month: number
  taskId?: number
  departmentId?: number
}

export const recordsApi = {
  list: (query: RecordQuery) => http.get<Page<ExecutionRecord>>('/records', { ...query }),
  get: (id: number, year: number, month: number) => http.get<ExecutionRecord>(`/records/${id}`, { year, month }),
  stats: (query: StatsQuery) => http.get<RecordStats>('/records/stats', { ...query }),
  /** Figures over [from, to) (ISO instants) from aggregates across the month tables. */
  totals: (from: string, to: string) => http.get<RecordTotals>('/records/totals', { from, to }),
}
