import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'
import { translate } from '@/i18n'

/**
 * A failure in words the user can act on: the server's message for an API error, "cannot reach the server"
 * instead of the browser's "Failed to fetch" when the request never got an answer.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError) return translate('common.networkError')
  return error instanceof Error ? error.message : String(error)
}

/**
 * Shows a failed request to the user. A 401 is left alone: the session has ended and the login page takes over.
 */
export function showError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return
  ElMessage({ type: 'error', message: describeError(error), grouping: true, showClose: true })
}
