import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'
import { translate } from '@/i18n'

/**
 * A failure in words the user can act on: the server's message for an API error (in the console's language when
 * the server sent a key it knows), "cannot reach the server"
 * instead of the browser's "Failed to fetch" when the request never got an answer.
 */
export function describeError(error: unknown): string {
  if (error instanceof TypeError) return translate('common.networkError')
  return errorText(error)
}

/** Translates a message key into the console's language; null when it has no text for the key. */
export type ErrorTranslator = (key: string, params: Record<string, unknown>) => string | null

let translator: ErrorTranslator = () => null

/** Set once at start-up from the console's i18n instance. */
export function setErrorTranslator(translate: ErrorTranslator): void {
  translator = translate
}

/** The text of an error in the console's language when the server sent a key it knows, else the server's text. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.key) {
    const translated = translator(`errors.${error.key.messageKey}`, error.key.params)
    if (translated) return translated
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * Shows a failed request to the user. A 401 is left alone: the session has ended and the login page takes over.
 */
export function showError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return
  ElMessage({ type: 'error', message: describeError(error), grouping: true, showClose: true })
}
