import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'

/**
 * Shows a failed request to the user. A 401 is left alone: the session has ended and the login page takes over.
 */
export function showError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return
  const message = error instanceof Error ? error.message : String(error)
  ElMessage({ type: 'error', message, grouping: true, showClose: true })
}
