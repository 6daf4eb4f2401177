import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router'
import { routes } from './routes'
import { useSessionStore } from '@/stores/session'

/**
 * Signed-out visitors go to the login page (and come back afterwards); a session opened with the sample password
 * sees only the profile page, to change it; pages needing a permission the user lacks show the forbidden page
 * instead.
 */
export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    await session.restore()
    if (to.meta.public) {
      return to.name === 'login' && session.loggedIn ? { name: 'dashboard' } : true
    }
    if (!session.loggedIn) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    if (session.passwordChangeRequired && to.name !== 'profile') {
      return { name: 'profile' }
    }
    if (!session.can(to.meta.permission)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
}

export function createConsoleRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) })
  installGuards(router)
  return router
}
