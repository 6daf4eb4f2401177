import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElSelect } from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import GrpcMethodPicker from '@/views/tasks/GrpcMethodPicker.vue'
import { mockApi, settle } from './helpers'

const METHODS = [
  {
    service: 'demo.Library',
    methods: [
      { name: 'Lend', inputType: 'demo.LendRequest', outputType: 'demo.LendReply', clientStreaming: false, serverStreaming: false, callable: true, requestTemplate: '{"title":"","format":"PAPER"}' },
      { name: 'Watch', inputType: 'demo.LendRequest', outputType: 'demo.LendReply', clientStreaming: false, serverStreaming: true, callable: false, requestTemplate: '{}' },
    ],
  },
]

function mountPicker(props: Record<string, unknown>) {
  return mount(GrpcMethodPicker, {
    props: { tls: false, timeout: 5, departmentId: 3, ...props },
    global: { plugins: [createConsoleI18n('en'), ElementPlus] },
  })
}

describe('GrpcMethodPicker', () => {
  it('loads the methods of the target and fills in service, method and request template on choosing one', async () => {
    const { calls } = mockApi({ 'POST /tasks/grpc/methods': { data: METHODS } })
    const wrapper = mountPicker({ service: '127.0.0.1:50051', method: '', params: '' })

    await wrapper.get('[data-testid="grpc-load-methods"]').trigger('click')
    await settle(5)
    wrapper.findComponent(ElSelect).vm.$emit('update:modelValue', 'demo.Library/Lend')
    await settle(2)

    expect(calls[0]?.body).toEqual({ grpcService: '127.0.0.1:50051', grpcTls: false, timeout: 5, departmentId: 3 })
    expect(wrapper.emitted('update:service')?.at(-1)).toEqual(['127.0.0.1:50051/demo.Library'])
    expect(wrapper.emitted('update:method')?.at(-1)).toEqual(['Lend'])
    expect(wrapper.emitted('update:params')?.at(-1)).toEqual(['{\n  "title": "",\n  "format": "PAPER"\n}'])
  })

  it("shows the server's reason when the target cannot be listed", async () => {
    mockApi({ 'POST /tasks/grpc/methods': { status: 400, code: 4001, message: 'grpcService: target policy refused 169.254.169.254' } })
    const wrapper = mountPicker({ service: '169.254.169.254:50051' })

    await wrapper.get('[data-testid="grpc-load-methods"]').trigger('click')
    await settle(5)

    expect(wrapper.get('[data-testid="grpc-load-error"]').text()).toContain('target policy refused 169.254.169.254')
  })

  it('runs a test call with the request and metadata and shows status, duration and response', async () => {
    const { calls } = mockApi({
      'POST /tasks/grpc/test-call': { data: { success: true, statusCode: 0, status: 'OK', durationMs: 12, response: '{"receipt":"lent dune"}', error: null } },
    })
    const wrapper = mountPicker({ service: '127.0.0.1:50051/demo.Library', method: 'Lend', params: '{"title": "dune"}', metadata: '{"x-tenant":"acme"}' })

    await wrapper.get('[data-testid="grpc-test-call"]').trigger('click')
    await settle(5)

    expect(calls[0]?.body).toEqual({ grpcService: '127.0.0.1:50051/demo.Library', grpcMethod: 'Lend', grpcParams: '{"title": "dune"}', headers: '{"x-tenant":"acme"}', grpcTls: false, timeout: 5, departmentId: 3 })
    expect(wrapper.get('[data-testid="grpc-call-status"]').text()).toBe('OK (0)')
    expect(wrapper.get('[data-testid="grpc-call-answer"]').text()).toContain('12 ms')
    expect(wrapper.get('[data-testid="grpc-call-response"]').text()).toContain('"receipt": "lent dune"')
  })
})
