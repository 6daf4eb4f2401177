import { http } from './http'
import type { LoginResult, RefreshResult, UserInfo } from './types'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResult>('/auth/login', { username, password }, { anonymous: true }),
  /** The refresh token goes as the HttpOnly cookie the server set, out of reach of any script. */
  refresh: () => http.post<RefreshResult>('/auth/refresh', {}, { anonymous: true }),
  logout: () => http.post<unknown>('/auth/logout'),
  userinfo: () => http.get<UserInfo>('/auth/userinfo'),
}
