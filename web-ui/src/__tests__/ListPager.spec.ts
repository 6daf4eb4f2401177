import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ListPager from '@/components/ListPager.vue'
import { settle } from './helpers'

enableAutoUnmount(afterEach)

function mountPager(props: Record<string, unknown> = {}) {
  return mount(ListPager, {
    props: { page: 1, size: 10, total: 31, ...props },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
}

describe('ListPager', () => {
  const desktopScreen = window.matchMedia
  afterEach(() => {
    window.matchMedia = desktopScreen
  })

  it('shows the total and a button for each page', () => {
    const wrapper = mountPager()

    expect(wrapper.get('.el-pagination__total').text()).toBe('Total 31')
    expect(wrapper.findAll('.el-pager li').map((li) => li.text())).toEqual(['1', '2', '3', '4'])
    expect(wrapper.get('.el-pager .is-active').text()).toBe('1')
  })

  it('asks for the page the user clicks, or the next one', async () => {
    const wrapper = mountPager({ page: 2 })

    await wrapper.findAll('.el-pager li')[3]?.trigger('click')
    await wrapper.get('.btn-next').trigger('click')

    expect(wrapper.emitted('change')).toEqual([[{ page: 4 }], [{ page: 3 }]])
  })

  it('starts again from the first page when the user picks another page size', async () => {
    const wrapper = mountPager({ page: 3 })

    await wrapper.get('.el-pagination__sizes .el-select__wrapper').trigger('click')
    await settle()
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((item) => item.textContent?.trim() === '20/page')
    option?.click()
    await settle()

    expect(wrapper.emitted('change')).toEqual([[{ size: 20, page: 1 }]])
  })

  it('leaves the page size out on a phone, to keep the bar on one line', () => {
    window.matchMedia = (query: string) => ({ matches: true, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList

    const wrapper = mountPager()

    expect(wrapper.find('.el-pagination__sizes').exists()).toBe(false)
    expect(wrapper.get('.el-pagination__total').text()).toBe('Total 31')
  })
})
