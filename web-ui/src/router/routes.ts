import type { RouteRecordRaw } from 'vue-router'
import AppLayout from '@/layout/AppLayout.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Permission code the page needs. */
    permission?: string
    /** i18n key of the page title. */
    title?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, title: 'login.title' } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', redirect: { name: 'dashboard' } },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/DashboardView.vue'), meta: { title: 'menu.dashboard' } },
      { path: 'tasks', name: 'tasks', component: () => import('@/views/tasks/TaskListView.vue'), meta: { permission: 'task:view', title: 'menu.tasks' } },
      { path: 'tasks/new', name: 'task-new', component: () => import('@/views/tasks/TaskFormView.vue'), meta: { permission: 'task:create', title: 'menu.tasks' } },
      { path: 'tasks/:id(\\d+)', name: 'task-detail', component: () => import('@/views/tasks/TaskDetailView.vue'), meta: { permission: 'task:view', title: 'task.detail' } },
      { path: 'tasks/:id(\\d+)/edit', name: 'task-edit', component: () => import('@/views/tasks/TaskFormView.vue'), meta: { permission: 'task:update', title: 'menu.tasks' } },
      { path: 'records', name: 'records', component: () => import('@/views/records/RecordListView.vue'), meta: { permission: 'record:view', title: 'menu.records' } },
      { path: 'alert-channels', name: 'alert-channels', component: () => import('@/views/alerts/AlertChannelView.vue'), meta: { permission: 'task:view', title: 'menu.alertChannels' } },
      { path: 'departments', name: 'departments', component: () => import('@/views/org/DepartmentView.vue'), meta: { permission: 'department:manage', title: 'menu.departments' } },
      { path: 'users', name: 'users', component: () => import('@/views/org/UserView.vue'), meta: { permission: 'user:manage', title: 'menu.users' } },
      { path: 'roles', name: 'roles', component: () => import('@/views/org/RoleView.vue'), meta: { permission: 'role:manage', title: 'menu.roles' } },
      { path: 'cluster', name: 'cluster', component: () => import('@/views/cluster/ClusterView.vue'), meta: { permission: 'task:view', title: 'menu.cluster' } },
      { path: 'audit-logs', name: 'audit-logs', component: () => import('@/views/audit/AuditLogView.vue'), meta: { permission: 'user:manage', title: 'menu.audit' } },
      { path: 'profile', name: 'profile', component: () => import('@/views/ProfileView.vue'), meta: { title: 'menu.profile' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/ForbiddenView.vue'), meta: { title: 'errors.forbiddenTitle' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'errors.notFoundTitle' } },
    ],
  },
]
