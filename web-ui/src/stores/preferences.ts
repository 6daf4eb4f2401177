import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export type Theme = 'light' | 'dark'
export type Locale = 'zh-CN' | 'en'
export const PREFERENCES_KEY = 'dj.preferences'

interface Stored {
  theme?: Theme
  locale?: Locale
  collapsed?: boolean
}

function read(): Stored {
  try {
    return JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}') as Stored
  } catch {
    return {}
  }
}

export function defaultLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  const first = languages.find(Boolean) ?? 'zh-CN'
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

function defaultTheme(): Theme {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** Theme, language and menu state: remembered in the browser, applied to the document at once. */
export const usePreferencesStore = defineStore('preferences', () => {
  const stored = read()
  const theme = ref<Theme>(stored.theme === 'dark' || stored.theme === 'light' ? stored.theme : defaultTheme())
  const locale = ref<Locale>(stored.locale === 'en' || stored.locale === 'zh-CN' ? stored.locale : defaultLocale())
  const collapsed = ref(stored.collapsed === true)

  function apply() {
    document.documentElement.classList.toggle('dark', theme.value === 'dark')
    document.documentElement.setAttribute('lang', locale.value)
  }

  watch(
    [theme, locale, collapsed],
    () => {
      localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ theme: theme.value, locale: locale.value, collapsed: collapsed.value }))
      apply()
    },
    { immediate: true },
  )

  function toggleTheme() {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
  }

  return { theme, locale, collapsed, toggleTheme }
})
