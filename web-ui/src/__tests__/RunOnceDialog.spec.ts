import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import { createConsoleRouter } from '@/router'
import type { Task } from '@/api/tasks'
import RunOnceDialog from '@/views/tasks/RunOnceDialog.vue'
import { mockApi, settle, signIn } from './helpers'

const GRPC_TASK = { id: 7, name: 'invoices', taskType: 'GRPC', grpcParams: '{"day":""}', headers: '{"x-tenant":"acme"}' } as unknown as Task

describe('RunOnceDialog', () => {
  it('runs a gRPC task once with the request and metadata entered, each laid over the task’s on the server', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    signIn()
    const { calls } = mockApi({ 'POST /tasks/7/run': { data: { fireId: '7:2026-12-03T08:00:00Z' } } })
    const wrapper = mount(RunOnceDialog, {
      props: { task: GRPC_TASK, modelValue: true },
      global: { plugins: [pinia, createConsoleI18n('en'), createConsoleRouter(createMemoryHistory()), ElementPlus] },
      attachTo: document.body,
    })
    await settle()

    const field = (testid: string) => document.querySelector<HTMLTextAreaElement>(`[data-testid="${testid}"]`)!
    expect(field('run-grpc-metadata').placeholder).toBe('{"x-tenant":"acme"}')
    field('run-grpc-params').value = '{"day":"2026-12-01"}'
    field('run-grpc-params').dispatchEvent(new Event('input'))
    field('run-grpc-metadata').value = '{"x-tenant":"beta"}'
    field('run-grpc-metadata').dispatchEvent(new Event('input'))
    document.querySelector<HTMLButtonElement>('[data-testid="run-submit"]')!.click()
    await settle(5)

    expect(calls.find((call) => call.path === '/tasks/7/run')?.body).toEqual({ grpcParams: '{"day":"2026-12-01"}', headers: '{"x-tenant":"beta"}' })
    wrapper.unmount()
  })
})
