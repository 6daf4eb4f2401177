import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { mount } from '@vue/test-utils'
import type { AlertChannel } from '@/api/alerts'
import { createConsoleI18n } from '@/i18n'
import AlertRulesEditor from '@/components/AlertRulesEditor.vue'
import { mockApi, mountConsole, page, settle, signIn } from './helpers'

const departments = [
  { id: 1, name: '总部', parentId: null, status: 1 },
  { id: 3, name: 'Ops', parentId: 1, status: 1 },
]

const dingTalk: AlertChannel = {
  id: 5, name: 'ops-robot', departmentId: 3, type: 'DINGTALK', url: 'https://oapi.dingtalk.com/robot/send?access_token=******',
  secretSet: true, secret: '******', recipients: [], enabled: true, createTime: '2026-01-01T00:00:00Z', updateTime: '2026-01-01T00:00:00Z',
}

function channelServer(channels: AlertChannel[], test = { delivered: true, error: null as string | null }) {
  return mockApi({
    'GET /departments': { data: departments },
    'GET /alert-channels': () => ({ data: page(channels) }),
    'POST /alert-channels': (call) => {
      channels.push({ ...(call.body as AlertChannel), id: 20, secretSet: false, secret: null, recipients: [] })
      return { data: channels.at(-1) }
    },
    'PUT /alert-channels/:id': (call) => ({ data: { ...dingTalk, ...(call.body as object) } }),
    'POST /alert-channels/:id/test': { data: test },
  })
}

function message(): string {
  return [...document.querySelectorAll('.el-message')].map((m) => m.textContent ?? '').join(' | ')
}

describe('alert channel page', () => {
  it('creates a webhook channel and lists it', async () => {
    const channels: AlertChannel[] = []
    const { calls } = channelServer(channels)
    const { wrapper } = await mountConsole('/alert-channels', { before: () => signIn() })

    await wrapper.get('[data-testid="channel-create"]').trigger('click')
    await settle()
    await wrapper.get('input[data-testid="channel-name"]').setValue('ops-hook')
    await wrapper.get('input[data-testid="channel-url"]').setValue('https://ops.example.com/dj')
    await wrapper.get('input[data-testid="channel-secret"]').setValue('s3cret')
    await wrapper.get('[data-testid="channel-save"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'POST' && c.path === '/alert-channels')?.body).toEqual({
      name: 'ops-hook', departmentId: 1, type: 'WEBHOOK', enabled: true, url: 'https://ops.example.com/dj', secret: 's3cret',
    })
    expect(wrapper.find('[data-channel="ops-hook"]').exists()).toBe(true)
  })

  it('sends the masks back on edit, so the stored secret and token stay', async () => {
    const { calls } = channelServer([dingTalk])
    const { wrapper } = await mountConsole('/alert-channels', { before: () => signIn() })

    await wrapper.get('[data-channel="ops-robot"] [data-testid="channel-edit"]').trigger('click')
    await settle()
    await wrapper.get('input[data-testid="channel-name"]').setValue('ops-robot-2')
    await wrapper.get('[data-testid="channel-save"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      name: 'ops-robot-2', type: 'DINGTALK', url: 'https://oapi.dingtalk.com/robot/send?access_token=******', secret: '******',
    })
  })

  it('tells why a test alert was not delivered', async () => {
    channelServer([dingTalk], { delivered: false, error: 'the robot refused the alert: errcode 310000 sign not match' })
    const { wrapper } = await mountConsole('/alert-channels', { before: () => signIn() })

    await wrapper.get('[data-channel="ops-robot"] [data-testid="channel-test"]').trigger('click')
    await settle()

    expect(message()).toContain('errcode 310000 sign not match')
  })

  it('offers no changes to a user who may only view tasks', async () => {
    channelServer([dingTalk])
    const { wrapper } = await mountConsole('/alert-channels', { before: () => signIn(['task:view']) })

    expect(wrapper.find('[data-testid="channel-create"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="channel-test"]').exists()).toBe(false)
  })
})

async function mountEditor(routes: Parameters<typeof mockApi>[0], permissions?: string[]) {
  const api = mockApi({ 'GET /departments': { data: departments }, 'GET /alert-channels': { data: page([dingTalk]) }, ...routes })
  const pinia = createPinia()
  setActivePinia(pinia)
  signIn(permissions)
  const wrapper = mount(AlertRulesEditor, {
    props: { owner: 'tasks', ownerId: 7 },
    global: { plugins: [pinia, createConsoleI18n('en'), ElementPlus] },
    attachTo: document.body,
  })
  await settle()
  return { ...api, wrapper }
}

const inherited = {
  inherit: true, inheritedFrom: { type: 'DEPARTMENT', id: 3 },
  rules: [{ kind: 'CONSECUTIVE_FAILURES', threshold: 3, throttleSeconds: 300, channelIds: [5] }],
}

describe('alert rules editor', () => {
  it("shows which department's rules a task inherits", async () => {
    const { wrapper } = await mountEditor({ 'GET /tasks/7/alert-rules': { data: inherited } })

    expect(wrapper.get('[data-testid="alert-rules-source"]').text()).toBe('The rules of “Ops” apply')
    expect(wrapper.findAll('[data-testid="alert-rules-table"] tbody tr')).toHaveLength(1)
  })

  it('saves the inherited rules as its own once inheriting is turned off', async () => {
    const { calls, wrapper } = await mountEditor({
      'GET /tasks/7/alert-rules': { data: inherited },
      'PUT /tasks/7/alert-rules': (call) => ({ data: { ...(call.body as object), inheritedFrom: null } }),
    })

    await wrapper.get('[data-testid="alert-rules-inherit"]').trigger('click')
    await wrapper.get('[data-testid="alert-rules-save"]').trigger('click')
    await settle()

    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      inherit: false, rules: [{ kind: 'CONSECUTIVE_FAILURES', threshold: 3, throttleSeconds: 300, channelIds: [5] }],
    })
    expect(wrapper.find('[data-testid="alert-rules-source"]').exists()).toBe(false)
  })

  it("shows the server's refusal", async () => {
    const { wrapper } = await mountEditor({
      'GET /tasks/7/alert-rules': { data: { inherit: false, inheritedFrom: null, rules: [] } },
      'PUT /tasks/7/alert-rules': { status: 400, message: 'rules[0].channelIds: must hold 1 to 10 channel ids' },
    })

    await wrapper.get('[data-testid="alert-rule-add"]').trigger('click')
    await wrapper.get('[data-testid="alert-rules-save"]').trigger('click')
    await settle()

    expect(wrapper.get('[data-testid="alert-rules-error"]').text()).toContain('rules[0].channelIds')
  })

  it('is read-only without task:update', async () => {
    const { wrapper } = await mountEditor({ 'GET /tasks/7/alert-rules': { data: inherited } }, ['task:view'])

    expect(wrapper.find('[data-testid="alert-rules-save"]').exists()).toBe(false)
  })
})
