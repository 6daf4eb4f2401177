import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import ListFilters from '@/components/ListFilters.vue'

enableAutoUnmount(afterEach)

function mountFilters() {
  return mount(ListFilters, {
    attrs: { 'data-testid': 'task-filters' },
    slots: { default: () => h('input', { 'data-testid': 'filter-keyword' }) },
    global: { plugins: [createConsoleI18n('en'), ElementPlus] },
    attachTo: document.body,
  })
}

describe('ListFilters', () => {
  it("shows the page's fields, then Search and Reset, in the form its test hook names", () => {
    const wrapper = mountFilters()

    const form = wrapper.get('form[data-testid="task-filters"]')
    expect(form.find('input[data-testid="filter-keyword"]').exists()).toBe(true)
    expect(form.findAll('.filters-actions .el-button').map((button) => button.text())).toEqual(['Search', 'Reset'])
  })

  it('searches when the form is submitted, whether by the button or by Enter in a field', async () => {
    const wrapper = mountFilters()

    await wrapper.get('[data-testid="filter-search"]').trigger('click')
    await wrapper.get('form').trigger('submit')

    expect(wrapper.emitted('search')).toHaveLength(2)
    expect(wrapper.emitted('reset')).toBeUndefined()
  })

  it('asks for a reset without searching', async () => {
    const wrapper = mountFilters()

    await wrapper.get('[data-testid="filter-reset"]').trigger('click')

    expect(wrapper.emitted('reset')).toHaveLength(1)
    expect(wrapper.emitted('search')).toBeUndefined()
  })
})
