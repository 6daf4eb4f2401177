import { buildUrl, http } from './http'
import type { ExecutionRecord, Page, RecordQuery, RecordStats, RecordTotals, StartedFire } from './types'

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
