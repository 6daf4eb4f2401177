import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createConsoleI18n } from '@/i18n'
import EnabledTag from '@/components/EnabledTag.vue'

function mountTag(status: number, locale: 'en' | 'zh-CN' = 'en') {
  return mount(EnabledTag, { props: { status }, global: { plugins: [createConsoleI18n(locale), ElementPlus] } })
}

describe('EnabledTag', () => {
  it('shows an enabled record in green', () => {
    const tag = mountTag(1)

    expect(tag.text()).toBe('Enabled')
    expect(tag.classes()).toContain('el-tag--success')
  })

  it('shows any other status as disabled, in grey', () => {
    for (const status of [0, 2]) {
      const tag = mountTag(status)
      expect(tag.text()).toBe('Disabled')
      expect(tag.classes()).toContain('el-tag--info')
    }
  })

  it("speaks the user's language", () => {
    expect(mountTag(1, 'zh-CN').text()).toBe('启用')
  })
})
