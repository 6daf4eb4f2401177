import { http, type Page } from './http'
import type { ExecutionRecord } from './records'

/** A cancel that took effect on the instance running the fire. */
export interface CancelledExecution {
  fireId: string
  taskId: number
  instance: string
  cancelledBy: string
}

export const executionsApi = {
  /** Running records across the cluster, oldest start first. */
  running: (page = 1, size = 100) => http.get<Page<ExecutionRecord>>('/executions/running', { page, size }),
  /** 409 when the fire has ended or runs on another instance (the message names it). */
  cancel: (fireId: string) => http.post<CancelledExecution>(`/executions/${encodeURIComponent(fireId)}/cancel`),
}
