import { http } from './http'

export interface UserSummary {
  id: number
  username: string
  realName: string
  departmentId: number
  departmentName?: string
  roleId: number
  roleName?: string
}

/** The refresh token also travels in an HttpOnly cookie, which is what the console uses; it never keeps this one. */
export interface LoginResult {
  token: string
  refreshToken: string
  expiresIn?: number
  /** The account still has the sample password and must change it first. */
  passwordChangeRequired?: boolean
  user: UserSummary
}

export interface RefreshResult {
  token: string
  refreshToken: string
}

export interface UserInfo extends UserSummary {
  email?: string | null
  phone?: string | null
  permissions: string[]
  passwordChangeRequired?: boolean
}

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResult>('/auth/login', { username, password }, { anonymous: true }),
  /** The refresh token goes as the HttpOnly cookie the server set, out of reach of any script. */
  refresh: () => http.post<RefreshResult>('/auth/refresh', {}, { anonymous: true }),
  logout: () => http.post<unknown>('/auth/logout'),
  userinfo: () => http.get<UserInfo>('/auth/userinfo'),
}
