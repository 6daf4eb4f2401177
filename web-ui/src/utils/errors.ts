import { ElMessage } from 'element-plus'
import { ApiError, parseFieldErrors, type FieldProblem } from '@/api/http'
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

function translatedText(error: ApiError): string | null {
  return error.key ? translator(`errors.${error.key.messageKey}`, error.key.params) : null
}

/** The text of an error in the console's language when the server sent a key it knows, else the server's text. */
export function errorText(error: unknown): string {
  const translated = error instanceof ApiError ? translatedText(error) : null
  if (translated) return translated
  return error instanceof Error ? error.message : String(error)
}

/** The text of one field problem in the console's language when it knows the rule, else the server's text. */
function problemText(problem: FieldProblem): string {
  return translator(`errors.validation.${problem.rule}`, problem.params)
    ?? parseFieldErrors(problem.message)[problem.field]
    ?? problem.message
}

/**
 * The message per form field, every field the server refused at once, in the console's language when the server
 * sent a key it knows, else the server's.
 */
export function fieldErrorsOf(error: ApiError): Record<string, string> {
  if (error.problems.length) {
    return Object.fromEntries(error.problems.map((problem) => [problem.field, problemText(problem)]))
  }
  const field = error.key?.params.field
  const translated = translatedText(error)
  return typeof field === 'string' && translated ? { [field]: translated } : error.fieldErrors
}

/**
 * Shows a failed request to the user. A 401 is left alone: the session has ended and the login page takes over.
 */
export function showError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return
  ElMessage({ type: 'error', message: describeError(error), grouping: true, showClose: true })
}
