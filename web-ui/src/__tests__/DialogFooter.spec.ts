import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import DialogFooter from '@/components/DialogFooter.vue'

function mountFooter(props: Record<string, unknown> = {}) {
  return mount(DialogFooter, {
    props,
    attrs: { 'data-testid': 'role-save' },
    global: { plugins: [createConsoleI18n('en'), ElementPlus] },
  })
}

describe('DialogFooter', () => {
  it('offers Cancel and Save, the test hook naming Save', () => {
    const wrapper = mountFooter()

    expect(wrapper.findAll('.el-button').map((button) => button.text())).toEqual(['Cancel', 'Save'])
    expect(wrapper.get('[data-testid="role-save"]').text()).toBe('Save')
  })

  it('tells which button was clicked', async () => {
    const wrapper = mountFooter()

    await wrapper.get('[data-testid="role-save"]').trigger('click')
    await wrapper.findAll('.el-button')[0]?.trigger('click')

    expect(wrapper.emitted('confirm')).toHaveLength(1)
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })

  it('names the confirm button as told, and shows it busy while saving', () => {
    const wrapper = mountFooter({ confirmText: 'OK', loading: true })

    const confirm = wrapper.get('[data-testid="role-save"]')
    expect(confirm.text()).toBe('OK')
    expect(confirm.classes()).toContain('is-loading')
  })
})
