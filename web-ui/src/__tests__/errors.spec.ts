import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { createConsoleI18n } from '@/i18n'
import { errorText, fieldErrorsOf, setErrorTranslator } from '@/utils/errors'

function useLanguage(locale: 'zh-CN' | 'en') {
  const i18n = createConsoleI18n(locale).global
  setErrorTranslator((key, params) => (i18n.te(key) ? i18n.t(key, params) : null))
}

describe('error texts', () => {
  const tooLong = new ApiError(400, 4001, 'name: must be at most 255 characters',
    { messageKey: 'validation.maxLength', params: { field: 'name', max: 255 } })

  it('renders a keyed error in the chosen language', () => {
    useLanguage('zh-CN')
    expect(errorText(tooLong)).toBe('name：最多 255 个字符')
    useLanguage('en')
    expect(errorText(new ApiError(409, 4009, 'username: taken', { messageKey: 'conflict.usernameTaken', params: { username: 'ops' } })))
      .toBe('The username ops is already taken')
  })

  it('falls back to the server text for an unknown key or none', () => {
    useLanguage('zh-CN')
    expect(errorText(new ApiError(400, 4001, 'cron: never fires', { messageKey: 'validation.unheardOf', params: {} })))
      .toBe('cron: never fires')
    expect(errorText(new ApiError(404, 4004, 'task 7 not found'))).toBe('task 7 not found')
  })

  it('puts a keyed error under the field it names, in the chosen language', () => {
    useLanguage('en')
    expect(fieldErrorsOf(tooLong)).toEqual({ name: 'name: at most 255 characters' })
    expect(fieldErrorsOf(new ApiError(400, 4001, 'cron: never fires; url: bad'))).toEqual({ cron: 'never fires', url: 'bad' })
  })

  it('puts every field problem under its own field at once', () => {
    const refused = new ApiError(400, 4001, 'name: is required', { messageKey: 'validation.required', params: { field: 'name' } }, [
      { field: 'name', rule: 'required', params: { field: 'name' }, message: 'name: is required' },
      { field: 'cron', rule: 'cron', params: { field: 'cron', reason: 'bad field' }, message: 'cron: bad field' },
      { field: 'url', rule: 'unheardOf', params: { field: 'url' }, message: 'url: is odd' },
    ])
    useLanguage('zh-CN')
    expect(fieldErrorsOf(refused)).toEqual({ name: 'name：必填', cron: 'cron：Cron 表达式无效（bad field）', url: 'is odd' })
    useLanguage('en')
    expect(fieldErrorsOf(refused)).toEqual({ name: 'name: is required', cron: 'cron: bad field', url: 'is odd' })
  })
})
