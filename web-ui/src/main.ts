import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/main.css'
import App from './App.vue'
import { createConsoleRouter } from './router'
import { createConsoleI18n } from './i18n'
import { usePreferencesStore } from './stores/preferences'
import { useSessionStore } from './stores/session'
import { setErrorTranslator } from './utils/errors'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const preferences = usePreferencesStore()
const i18n = createConsoleI18n(preferences.locale)
const router = createConsoleRouter()
app.use(i18n).use(router).use(ElementPlus)
setErrorTranslator((key, params) => (i18n.global.te(key) ? i18n.global.t(key, params) : null))

useSessionStore().onExpired(() => {
  const current = router.currentRoute.value
  if (!current.meta.public) {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
  }
})

app.mount('#app')
