import { describe, expect, it } from 'vitest'
import { describeCron } from '@/utils/cron'
import { createConsoleI18n } from '@/i18n'

const en = createConsoleI18n('en').global
const zh = createConsoleI18n('zh-CN').global
const tEn = (key: string, values?: Record<string, unknown>) => en.t(key, values ?? {})
const tZh = (key: string, values?: Record<string, unknown>) => zh.t(key, values ?? {})

describe('describeCron', () => {
  it('describes five-field expressions minute first', () => {
    expect(describeCron('*/5 * * * *', 'en', tEn)).toEqual({ valid: true, text: 'Every 5 minutes' })
    expect(describeCron('0 9 * * MON-FRI', 'en', tEn).text).toBe('At 09:00, Monday through Friday')
  })

  it('describes six-field expressions second first', () => {
    expect(describeCron('*/2 * * * * *', 'en', tEn).text).toBe('Every 2 seconds')
  })

  it('describes in Chinese', () => {
    const description = describeCron('0 9 * * MON-FRI', 'zh-CN', tZh)
    expect(description.valid).toBe(true)
    expect(description.text).toContain('09:00')
    expect(description.text).toMatch(/星期一/)
  })

  it('describes macros and @every', () => {
    expect(describeCron('@daily', 'en', tEn).text).toBe('At 00:00 every day')
    expect(describeCron('@every 30s', 'en', tEn).text).toBe('Every 30 s')
    expect(describeCron('@every 1h30m', 'zh-CN', tZh).text).toBe('每隔 1 小时 30 分钟')
  })

  it('reports what it cannot parse', () => {
    expect(describeCron('@every soon', 'en', tEn).valid).toBe(false)
    expect(describeCron('* * *', 'en', tEn)).toEqual({ valid: false, text: '3 fields' })
    expect(describeCron('61 * * * *', 'en', tEn).valid).toBe(false)
  })
})
