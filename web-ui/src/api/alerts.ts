import { http, type Page } from './http'

export type ChannelType = 'WEBHOOK' | 'SLACK' | 'DINGTALK' | 'WECOM' | 'FEISHU' | 'EMAIL'
export const CHANNEL_TYPES: ChannelType[] = ['WEBHOOK', 'SLACK', 'DINGTALK', 'WECOM', 'FEISHU', 'EMAIL']
/** The types whose `secret` signs what they send. */
export const SIGNED_TYPES: ChannelType[] = ['WEBHOOK', 'DINGTALK', 'FEISHU']
/** What the server shows instead of a secret; sending it back keeps the stored value. */
export const SECRET_MASK = '******'

export interface AlertChannel {
  id: number
  name: string
  departmentId: number
  type: ChannelType
  /** Robot tokens in it are masked. */
  url: string | null
  secretSet: boolean
  secret: string | null
  recipients: string[]
  enabled: boolean
  createTime: string
  updateTime: string
}

export interface AlertChannelInput {
  name: string
  departmentId: number | null
  type: ChannelType
  url?: string
  secret?: string
  recipients?: string[]
  enabled: boolean
}

export type AlertKind = 'FAILURE' | 'CONSECUTIVE_FAILURES' | 'MISSED_FIRE' | 'RECOVERY'
export const ALERT_KINDS: AlertKind[] = ['FAILURE', 'CONSECUTIVE_FAILURES', 'MISSED_FIRE', 'RECOVERY']
/** Kinds that take a threshold: failures in a row, or grace seconds. */
export const THRESHOLD_KINDS: AlertKind[] = ['CONSECUTIVE_FAILURES', 'MISSED_FIRE']

export interface AlertRule {
  kind: AlertKind
  threshold: number
  throttleSeconds: number
  channelIds: number[]
}

export interface AlertRuleSet {
  inherit: boolean
  inheritedFrom: { type: 'TASK' | 'DEPARTMENT'; id: number } | null
  rules: AlertRule[]
}

export type RuleOwner = 'tasks' | 'departments'

export const alertsApi = {
  channels: (query: { page?: number; size?: number; departmentId?: number }) =>
    http.get<Page<AlertChannel>>('/alert-channels', { ...query }),
  createChannel: (input: AlertChannelInput) => http.post<AlertChannel>('/alert-channels', input),
  updateChannel: (id: number, input: AlertChannelInput) => http.put<AlertChannel>(`/alert-channels/${id}`, input),
  removeChannel: (id: number) => http.delete<unknown>(`/alert-channels/${id}`),
  testChannel: (id: number) => http.post<{ delivered: boolean; error: string | null }>(`/alert-channels/${id}/test`),
  rules: (owner: RuleOwner, id: number) => http.get<AlertRuleSet>(`/${owner}/${id}/alert-rules`),
  saveRules: (owner: RuleOwner, id: number, body: { inherit: boolean; rules?: AlertRule[] }) =>
    http.put<AlertRuleSet>(`/${owner}/${id}/alert-rules`, body),
}
