import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import ElementPlus, { ElForm } from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import GrpcMetadataEditor from '@/views/tasks/GrpcMetadataEditor.vue'
import { settle } from './helpers'

/** The editor in a form, as the task form holds it: the metadata is the form's `headers`. */
function mountEditor(headers: string, error?: string) {
  const form = reactive({ headers })
  const Host = defineComponent(() => () =>
    h(ElForm, { model: form }, () => h(GrpcMetadataEditor, {
      modelValue: form.headers,
      error,
      'onUpdate:modelValue': (text: string | null | undefined) => (form.headers = text ?? ''),
    })))
  const wrapper = mount(Host, { global: { plugins: [createConsoleI18n('en'), ElementPlus] } })
  return { wrapper, form }
}

function inputs(wrapper: ReturnType<typeof mount>, testid: string) {
  return wrapper.findAll(`input[data-testid="${testid}"]`)
}

describe('GrpcMetadataEditor', () => {
  it('shows each key and value under the Metadata label, a masked secret as it came', () => {
    const { wrapper } = mountEditor('{\n  "authorization": "******",\n  "x-tenant": "acme"\n}')

    expect(wrapper.get('[data-testid="grpc-metadata"] .el-form-item__label').text()).toBe('Metadata')
    expect(inputs(wrapper, 'grpc-metadata-key').map((input) => (input.element as HTMLInputElement).value)).toEqual(['authorization', 'x-tenant'])
    expect(inputs(wrapper, 'grpc-metadata-value').map((input) => (input.element as HTMLInputElement).value)).toEqual(['******', 'acme'])
  })

  it('writes the rows back as a JSON object, and nothing once the last row is removed', async () => {
    const { wrapper, form } = mountEditor('{"x-tenant":"acme"}')

    await wrapper.get('[data-testid="grpc-metadata-add"]').trigger('click')
    await inputs(wrapper, 'grpc-metadata-key')[1]!.setValue('x-api-key')
    await inputs(wrapper, 'grpc-metadata-value')[1]!.setValue('k-123')
    await inputs(wrapper, 'grpc-metadata-value')[0]!.setValue('beta')
    expect(JSON.parse(form.headers)).toEqual({ 'x-tenant': 'beta', 'x-api-key': 'k-123' })

    await wrapper.findAll('[data-testid="grpc-metadata-remove"]')[1]!.trigger('click')
    await wrapper.findAll('[data-testid="grpc-metadata-remove"]')[0]!.trigger('click')
    expect(form.headers).toBe('')
    expect(inputs(wrapper, 'grpc-metadata-key')).toHaveLength(0)
  })

  it('shows the metadata of a task loaded after it was mounted', async () => {
    const { wrapper, form } = mountEditor('')

    form.headers = '{"x-tenant": "acme"}'
    await settle(2)

    expect(inputs(wrapper, 'grpc-metadata-key').map((input) => (input.element as HTMLInputElement).value)).toEqual(['x-tenant'])
  })

  it('drops text that is not a JSON object, so the form never sends it', () => {
    const { wrapper, form } = mountEditor('{"X-Job": ')

    expect(form.headers).toBe('')
    expect(inputs(wrapper, 'grpc-metadata-key')).toHaveLength(0)
  })

  it("shows the server's refusal under the rows", async () => {
    const { wrapper } = mountEditor('{"X-Tenant":"acme"}', "headers: 'X-Tenant' is not a valid gRPC metadata key")
    // the form item shows an error once its 100 ms debounce has passed
    await settle(150)

    expect(wrapper.get('[data-testid="grpc-metadata"] .el-form-item__error').text()).toBe("headers: 'X-Tenant' is not a valid gRPC metadata key")
  })
})
