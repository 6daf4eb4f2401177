import { http } from './http'
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
    http.post<unknown>('/tasks/cron/preview', { cron, timezone: timezone || undefined, count }),
}

/**
 * The fire times of a preview: the server answers {cron, timezone, nextFireTimes, description}; a bare list is
 * read too.
 */
export function previewTimes(data: unknown): string[] {
  if (Array.isArray(data)) return data.map(String)
  if (data && typeof data === 'object') {
    const list = (data as { nextFireTimes?: unknown }).nextFireTimes
    if (Array.isArray(list)) return list.map(String)
  }
  return []
}
