import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'
import type { Locale } from '@/stores/preferences'

type ConsoleI18n = ReturnType<typeof build>

function build(locale: Locale) {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  })
}

/** The instance the app runs with, for code outside components (error messages). */
let active: ConsoleI18n | null = null

export function createConsoleI18n(locale: Locale) {
  active = build(locale)
  return active
}

/** Translates outside a component; the key itself when no console is running. */
export function translate(key: string, params: Record<string, unknown> = {}): string {
  return active ? active.global.t(key, params) : key
}

/** Whether the running console has a text for the key. */
export function hasText(key: string): boolean {
  return active ? active.global.te(key) : false
}

/** i18n key of a permission code (`task:view` -> `permission.task_view`). */
export function permissionKey(code: string): string {
  return `permission.${code.replace(':', '_')}`
}
