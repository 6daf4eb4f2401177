import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'
import type { Locale } from '@/stores/preferences'

export function createConsoleI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  })
}

/** i18n key of a permission code (`task:view` -> `permission.task_view`). */
export function permissionKey(code: string): string {
  return `permission.${code.replace(':', '_')}`
}
