import { http } from './http'
import type { LoginResult, RefreshResult, UserInfo } from './types'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResult>('/auth/login', { username, password }, { anonymous: true }),
  refresh: (refreshToken: string) => http.post<RefreshResult>('/auth/refresh', { refreshToken }, { anonymous: true }),
  logout: () => http.post<unknown>('/auth/logout'),
  userinfo: () => http.get<UserInfo>('/auth/userinfo'),
}
