import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { ApiError } from '@/api/http'
import { createConsoleI18n } from '@/i18n'
import { useConfirmDelete } from '@/composables/useConfirmDelete'
import { settle } from './helpers'

enableAutoUnmount(afterEach)

function mountConfirm() {
  let confirm!: ReturnType<typeof useConfirmDelete>
  const Page = defineComponent({
    setup() {
      confirm = useConfirmDelete()
      return () => h('div')
    },
  })
  mount(Page, { global: { plugins: [createConsoleI18n('en'), ElementPlus] } })
  return confirm.confirmDelete
}

/** The message box on top, as the user sees it. */
function messageBox() {
  const boxes = document.querySelectorAll<HTMLElement>('.el-message-box')
  const box = boxes[boxes.length - 1]
  if (!box) throw new Error('no message box is open')
  const button = (selector: string) => box.querySelector<HTMLElement>(`.el-message-box__btns ${selector}`)
  return { box, confirmButton: button('.el-button--primary'), cancelButton: button('.el-button:not(.el-button--primary)') }
}

describe('useConfirmDelete', () => {
  afterEach(() => ElMessageBox.close())

  it('deletes once the user accepts the warning, and says so', async () => {
    const confirmDelete = mountConfirm()
    const removed: string[] = []

    const deleting = confirmDelete('Delete role “auditor”?', async () => removed.push('auditor'))
    await settle()
    const { box, confirmButton } = messageBox()
    expect(box.textContent).toContain('Delete role “auditor”?')
    expect(confirmButton?.textContent?.trim()).toBe('Delete')
    expect(confirmButton?.className).toContain('el-button--danger')
    confirmButton?.click()

    expect(await deleting).toBe(true)
    await settle()
    expect(removed).toEqual(['auditor'])
    expect(document.body.textContent).toContain('Deleted')
  })

  it('deletes nothing when the user backs out', async () => {
    const confirmDelete = mountConfirm()
    const removed: string[] = []

    const deleting = confirmDelete('Delete user “observer”?', async () => removed.push('observer'))
    await settle()
    messageBox().cancelButton?.click()

    expect(await deleting).toBe(false)
    expect(removed).toEqual([])
  })

  it('shows why the server refused and reports nothing deleted', async () => {
    const confirmDelete = mountConfirm()

    const deleting = confirmDelete('Delete department “Operations”?', async () => {
      throw new ApiError(409, 4090, 'the department still has users')
    })
    await settle()
    messageBox().confirmButton?.click()

    expect(await deleting).toBe(false)
    await settle()
    expect(document.body.textContent).toContain('the department still has users')
  })
})
