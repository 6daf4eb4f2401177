import { http } from './http'

/** The next fire times of a cron expression in a time zone (ISO date-times with offset), and its description. */
export interface CronPreview {
  cron: string
  timezone: string
  nextFireTimes: string[]
  description: string
}
import type { Page, RunOverrides, StartedFire, Task, TaskInput, TaskQuery, TaskStatus, TaskType } from './types'

const kindPath = (type: TaskType) => (type === 'GRPC' ? 'grpc' : 'http')

export const tasksApi = {
  list: (query: TaskQuery) => http.get<Page<Task>>('/tasks', { ...query }),
  get: (id: number) => http.get<Task>(`/tasks/${id}`),
  create: (type: TaskType, input: TaskInput) => http.post<Task>(`/tasks/${kindPath(type)}`, input),
  update: (type: TaskType, id: number, input: TaskInput) => http.put<Task>(`/tasks/${kindPath(type)}/${id}`, input),
  remove: (id: number) => http.delete<unknown>(`/tasks/${id}`),
  setStatus: (id: number, status: TaskStatus) => http.patch<unknown>(`/tasks/${id}/status`, { status }),
  run: (id: number, overrides?: RunOverrides) => http.post<StartedFire | null>(`/tasks/${id}/run`, overrides),
  copy: (id: number) => http.post<Task>(`/tasks/${id}/copy`),
  /** One outcome per id: DELETED, or NOT_FOUND for a task gone or out of the caller's scope. */
  removeMany: (ids: number[]) => http.post<Array<{ id: number; outcome: string }>>('/tasks/batch-delete', { ids }),
  previewCron: (cron: string, timezone: string | undefined, count: number) =>
    http.post<CronPreview>('/tasks/cron/preview', { cron, timezone: timezone || undefined, count }),
}

