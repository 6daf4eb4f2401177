/** Shapes of the REST API (spec "API 文档" and CONTRACT.md). */

export interface Page<T> {
  list: T[]
  total: number
  page: number
  size: number
}

export interface UserSummary {
  id: number
  username: string
  realName: string
  departmentId: number
  departmentName?: string
  roleId: number
  roleName?: string
}

/** The refresh token also travels in an HttpOnly cookie, which is what the console uses; it never keeps this one. */
export interface LoginResult {
  token: string
  refreshToken: string
  expiresIn?: number
  /** The account still has the sample password and must change it first. */
  passwordChangeRequired?: boolean
  user: UserSummary
}

export interface RefreshResult {
  token: string
  refreshToken: string
}

export interface UserInfo extends UserSummary {
  email?: string | null
  phone?: string | null
  permissions: string[]
  passwordChangeRequired?: boolean
}

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

export interface Department {
  id: number
  name: string
  description?: string | null
  parentId?: number | null
  status: number
  children?: Department[]
  createTime?: string | null
}

export interface DepartmentInput {
  name: string
  description?: string | null
  parentId?: number | null
  status: number
}

export interface User {
  id: number
  username: string
  realName: string
  email?: string | null
  phone?: string | null
  departmentId: number
  departmentName?: string | null
  roleId: number
  roleName?: string | null
  status: number
  createTime?: string | null
}

export interface UserInput {
  username: string
  password?: string
  realName: string
  email?: string | null
  phone?: string | null
  departmentId: number
  roleId: number
  status: number
}

export interface Permission {
  id: number
  name: string
  code: string
  description?: string | null
}

export interface Role {
  id: number
  name: string
  description?: string | null
  status: number
  /** Ids, codes or permission objects: whichever the server sends, the console normalises them to ids. */
  permissions?: Array<number | string | Permission> | null
  createTime?: string | null
}

export interface RoleInput {
  name: string
  description?: string | null
  permissions: number[]
  status: number
}
