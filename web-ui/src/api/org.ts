import { http, type Page } from './http'

export interface Department {
  id: number
  name: string
  description?: string | null
  parentId?: number | null
  status: number
  children?: Department[]
  createTime?: string | null
}

export interface DepartmentInput {
  name: string
  description?: string | null
  parentId?: number | null
  status: number
}

export interface User {
  id: number
  username: string
  realName: string
  email?: string | null
  phone?: string | null
  departmentId: number
  departmentName?: string | null
  roleId: number
  roleName?: string | null
  status: number
  createTime?: string | null
}

export interface UserInput {
  username: string
  password?: string
  realName: string
  email?: string | null
  phone?: string | null
  departmentId: number
  roleId: number
  status: number
}

export interface Permission {
  id: number
  name: string
  code: string
  description?: string | null
}

export interface Role {
  id: number
  name: string
  description?: string | null
  status: number
  /** Ids, codes or permission objects: whichever the server sends, the console normalises them to ids. */
  permissions?: Array<number | string | Permission> | null
  createTime?: string | null
}

export interface RoleInput {
  name: string
  description?: string | null
  permissions: number[]
  status: number
}

export const departmentsApi = {
  list: (keyword?: string) => http.get<Department[]>('/departments', { keyword }),
  get: (id: number) => http.get<Department>(`/departments/${id}`),
  create: (input: DepartmentInput) => http.post<Department>('/departments', input),
  update: (id: number, input: DepartmentInput) => http.put<Department>(`/departments/${id}`, input),
  remove: (id: number) => http.delete<unknown>(`/departments/${id}`),
}

export interface UserQuery {
  page?: number
  size?: number
  departmentId?: number
  keyword?: string
}

export const usersApi = {
  list: (query: UserQuery) => http.get<Page<User>>('/users', { ...query }),
  get: (id: number) => http.get<User>(`/users/${id}`),
  create: (input: UserInput) => http.post<User>('/users', input),
  update: (id: number, input: UserInput) => http.put<User>(`/users/${id}`, input),
  remove: (id: number) => http.delete<unknown>(`/users/${id}`),
  changePassword: (id: number, newPassword: string, oldPassword?: string) =>
    http.patch<unknown>(`/users/${id}/password`, oldPassword === undefined ? { newPassword } : { oldPassword, newPassword }),
}

export const rolesApi = {
  list: (query: { page?: number; size?: number; keyword?: string }) => http.get<Page<Role>>('/roles', { ...query }),
  get: (id: number) => http.get<Role>(`/roles/${id}`),
  create: (input: RoleInput) => http.post<Role>('/roles', input),
  update: (id: number, input: RoleInput) => http.put<Role>(`/roles/${id}`, input),
  remove: (id: number) => http.delete<unknown>(`/roles/${id}`),
  permissions: () => http.get<Permission[]>('/permissions'),
}

/** Permission ids of a role, whatever form (ids, codes or objects) the server lists them in. */
export function rolePermissionIds(role: Role, all: Permission[]): number[] {
  const ids = new Set<number>()
  for (const entry of role.permissions ?? []) {
    if (typeof entry === 'number') ids.add(entry)
    else if (typeof entry === 'string') {
      const match = all.find((p) => p.code === entry)
      if (match) ids.add(match.id)
    } else if (entry && typeof entry === 'object') {
      const match = all.find((p) => p.id === entry.id || p.code === entry.code)
      ids.add(match ? match.id : entry.id)
    }
  }
  return [...ids]
}
