import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { flushPromises, mount } from '@vue/test-utils'
import type { Page } from '@/api/http'
import { usePagedList } from '@/composables/usePagedList'
import { page } from './helpers'

interface Item {
  name: string
}

interface Query {
  keyword?: string
  page?: number
  size?: number
}

const filters = { keyword: 'string' } as const

/** A list page that shows its rows and total, routed at /items like the console's own lists. */
async function mountList(path: string, fetchPage: (query: Query) => Promise<Page<Item>>, afterLoad?: () => void) {
  const useItems = () => usePagedList(filters, fetchPage, { afterLoad })
  let list!: ReturnType<typeof useItems>
  const ItemList = defineComponent({
    setup() {
      list = useItems()
      return () =>
        h('div', [
          h('p', { 'data-testid': 'total' }, String(list.total.value)),
          ...list.rows.value.map((row) => h('p', { 'data-testid': 'row' }, row.name)),
        ])
    },
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/items', name: 'items', component: ItemList }] })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router, list }
}

describe('usePagedList', () => {
  it('asks for the page the URL names and shows its rows', async () => {
    const asked: Query[] = []
    const { wrapper } = await mountList('/items?keyword=night&page=2', async (query) => {
      asked.push({ ...query })
      return page([{ name: 'nightly-report' }], 11, 2)
    })

    expect(asked).toEqual([{ keyword: 'night', page: 2, size: 10 }])
    expect(wrapper.get('[data-testid="total"]').text()).toBe('11')
    expect(wrapper.findAll('[data-testid="row"]').map((row) => row.text())).toEqual(['nightly-report'])
  })

  it('keeps a move through the pages in the URL and loads what it names', async () => {
    const asked: Query[] = []
    const { router, list } = await mountList('/items?keyword=night', async (query) => {
      asked.push({ ...query })
      return page([], 95)
    })

    list.apply({ size: 20, page: 1 })
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ keyword: 'night', size: '20' })

    list.apply({ page: 3 })
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ keyword: 'night', size: '20', page: '3' })
    expect(asked.at(-1)).toEqual({ keyword: 'night', page: 3, size: 20 })
  })

  it('shows why a load failed and keeps the rows it had', async () => {
    let down = false
    const { wrapper, list } = await mountList('/items', async () => {
      if (down) throw new Error('list service unavailable')
      return page([{ name: 'cleanup' }])
    })

    down = true
    await list.load()
    await flushPromises()

    expect(document.body.textContent).toContain('list service unavailable')
    expect(wrapper.findAll('[data-testid="row"]').map((row) => row.text())).toEqual(['cleanup'])
    expect(list.loading.value).toBe(false)
  })

  it('refreshes quietly: no loading mask, and a failure is not reported', async () => {
    let down = false
    let maskedDuringRefresh: boolean | undefined
    let loads = 0
    const { list } = await mountList(
      '/items',
      async () => {
        if (!down) return page([{ name: 'cleanup' }])
        maskedDuringRefresh = list.loading.value
        throw new Error('refresh failed quietly')
      },
      () => loads++,
    )

    down = true
    await list.load({ quiet: true })
    await flushPromises()

    expect(maskedDuringRefresh).toBe(false)
    expect(document.body.textContent).not.toContain('refresh failed quietly')
    expect(loads).toBe(2)
  })
})
