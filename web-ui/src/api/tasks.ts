import { http, type Page } from './http'

export type TaskType = 'HTTP' | 'GRPC'

/** 0 disabled, 1 enabled, 2 temporary (fires once, then disables itself). */
export type TaskStatus = 0 | 1 | 2

export interface Task {
  id: number
  name: string
  description?: string | null
  departmentId: number
  departmentName?: string | null
  taskType: TaskType
  cron: string
  timezone?: string | null
  status: TaskStatus
  timeout?: number | null
  retryCount?: number | null
  retryInterval?: number | null
  url?: string | null
  httpMethod?: string | null
  headers?: string | null
  body?: string | null
  fallbackUrl?: string | null
  grpcService?: string | null
  grpcMethod?: string | null
  grpcParams?: string | null
  fallbackGrpcService?: string | null
  fallbackGrpcMethod?: string | null
  grpcTls?: boolean
  misfirePolicy?: string | null
  concurrencyPolicy?: string | null
  crashPolicy?: string | null
  lastExecuteTime?: string | null
  nextExecuteTime?: string | null
  creatorId?: number | null
  createTime?: string | null
  updateTime?: string | null
}

/** What a run answers: the fire it started. */
export interface StartedFire {
  fireId: string
  scheduledTime?: string | null
}

/** Values that replace the task's own for one run, in the same string forms as the task's fields. */
export interface RunOverrides {
  body?: string
  headers?: string
  query?: string
  grpcParams?: string
}

/** The fields a create or update form sends. */
export type TaskInput = Omit<Task, 'id' | 'taskType' | 'departmentName' | 'lastExecuteTime' | 'nextExecuteTime' | 'creatorId' | 'createTime' | 'updateTime'>

export interface TaskQuery {
  page?: number
  size?: number
  keyword?: string
  departmentId?: number
  taskType?: TaskType
  status?: TaskStatus
}

/** The next fire times of a cron expression in a time zone (ISO date-times with offset), and its description. */
export interface CronPreview {
  cron: string
  timezone: string
  nextFireTimes: string[]
  description: string
}

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

