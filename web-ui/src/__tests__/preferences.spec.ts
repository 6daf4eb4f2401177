import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { defaultLocale, PREFERENCES_KEY, usePreferencesStore } from '@/stores/preferences'
import { mockApi, mountConsole } from './helpers'

describe('preferences', () => {
  it('switches the theme on the document and remembers it', async () => {
    setActivePinia(createPinia())
    const preferences = usePreferencesStore()
    preferences.theme = 'light'
    await nextTick()

    preferences.toggleTheme()
    await nextTick()

    expect(document.documentElement.classList.contains('dark')).toBe(true)
    expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).toMatchObject({ theme: 'dark' })
  })

  it('restores the remembered language and theme', () => {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ theme: 'dark', locale: 'en' }))
    setActivePinia(createPinia())

    const preferences = usePreferencesStore()

    expect(preferences.locale).toBe('en')
    expect(preferences.theme).toBe('dark')
    expect(document.documentElement.getAttribute('lang')).toBe('en')
  })

  it('picks the language from the browser the first time', () => {
    expect(defaultLocale(['zh-TW', 'en'])).toBe('zh-CN')
    expect(defaultLocale(['en-US'])).toBe('en')
    expect(defaultLocale(['fr-FR'])).toBe('en')
  })

  it('switches the login page language', async () => {
    mockApi({})
    const { wrapper } = await mountConsole('/login', { locale: 'zh-CN' })
    expect(wrapper.get('[data-testid="login-submit"]').text()).toBe('登录')
  })
})
