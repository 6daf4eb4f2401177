import { describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import CronInput from '@/components/CronInput.vue'
import { mockApi, settle, cronPreview } from './helpers'

function mountCron(props: Record<string, unknown>, locale: 'en' | 'zh-CN' = 'en') {
  return mount(CronInput, {
    props: { debounceMs: 1, ...props },
    global: { plugins: [createConsoleI18n(locale), ElementPlus] },
  })
}

describe('CronInput', () => {
  it('describes the expression and lists the next five fires from the server', async () => {
    const times = ['2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z', '2026-01-01T00:10:00Z', '2026-01-01T00:15:00Z', '2026-01-01T00:20:00Z']
    const { calls } = mockApi({ 'POST /tasks/cron/preview': { data: cronPreview(times) } })

    const wrapper = mountCron({ modelValue: '*/5 * * * *', timezone: 'Asia/Shanghai' })
    await settle(5)

    expect(wrapper.get('[data-testid="cron-description"]').text()).toBe('Every 5 minutes')
    expect(wrapper.findAll('[data-testid="cron-preview-time"]')).toHaveLength(5)
    expect(wrapper.get('[data-testid="cron-preview-time"]').text()).toContain('2026-01-01 08:00:00 Asia/Shanghai')
    expect(calls[0]?.body).toEqual({ cron: '*/5 * * * *', timezone: 'Asia/Shanghai', count: 5 })
  })

  it('warns when the server finds no fire time ahead, instead of a green description and an empty list', async () => {
    mockApi({ 'POST /tasks/cron/preview': { data: { cron: '0 0 30 2 *', nextFireTimes: [] } } })

    const wrapper = mountCron({ modelValue: '0 0 30 2 *' })
    await settle(5)

    expect(wrapper.get('[data-testid="cron-never-fires"]').text()).toContain('never fires')
    expect(wrapper.get('[data-testid="cron-description"]').classes()).toContain('warning')
  })

  it("shows the server's reason when the preview refuses the expression", async () => {
    mockApi({ 'POST /tasks/cron/preview': { status: 400, code: 4001, message: 'cron: day-of-month 32 is out of range' } })

    const wrapper = mountCron({ modelValue: '0 0 32 * *' })
    await settle(5)

    expect(wrapper.get('[data-testid="cron-preview-error"]').text()).toContain('day-of-month 32 is out of range')
    expect(wrapper.findAll('[data-testid="cron-preview-time"]')).toHaveLength(0)
  })

  it('previews again when the expression changes, and only the latest answer counts', async () => {
    const { calls } = mockApi({
      'POST /tasks/cron/preview': (call) => ({ data: cronPreview([(call.body as { cron: string }).cron === '@hourly' ? '2026-01-01T01:00:00Z' : '2026-01-01T00:01:00Z']) }),
    })
    const wrapper = mountCron({ modelValue: '* * * * *', count: 1 })
    await settle(5)

    await wrapper.setProps({ modelValue: '@hourly' })
    await settle(5)

    expect(calls.map((c) => (c.body as { cron: string }).cron)).toEqual(['* * * * *', '@hourly'])
    expect(wrapper.get('[data-testid="cron-description"]').text()).toBe('At the start of every hour')
    expect(wrapper.get('[data-testid="cron-preview-time"]').text()).toContain('2026-01-01T01:00:00Z')
  })

  it("reads the fire times out of the server's preview object", async () => {
    mockApi({
      'POST /tasks/cron/preview': {
        data: { cron: '@daily', timezone: 'UTC', nextFireTimes: ['2026-01-01T00:00:00Z'], description: 'every day at midnight' },
      },
    })
    const wrapper = mountCron({ modelValue: '@daily', count: 1 })
    await settle(5)
    await flushPromises()

    expect(wrapper.findAll('[data-testid="cron-preview-time"]')).toHaveLength(1)
  })
})
