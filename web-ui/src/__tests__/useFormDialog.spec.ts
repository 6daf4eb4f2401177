import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import ElementPlus, { ElForm, ElFormItem, ElInput, type FormInstance } from 'element-plus'
import { ApiError } from '@/api/http'
import { createConsoleI18n } from '@/i18n'
import { useFormDialog } from '@/composables/useFormDialog'
import { settle } from './helpers'

enableAutoUnmount(afterEach)

/** Element Plus shows a form item's error state after a short debounce. */
const ERROR_SHOWN_MS = 250

/** A one-field form in the dialog's care, as the department, role and user pages have it. */
function mountForm(submit: (name: string) => Promise<unknown>, afterSave: () => Promise<unknown> = async () => {}) {
  const form = reactive({ name: '' })
  const useNameDialog = () => useFormDialog(() => submit(form.name), afterSave)
  let dialog!: ReturnType<typeof useNameDialog>
  const NameForm = defineComponent({
    setup() {
      dialog = useNameDialog()
      dialog.openDialog()
      return () =>
        h(ElForm, { ref: dialog.formRef, model: form }, () =>
          h(ElFormItem, { label: 'Name', prop: 'name', error: dialog.serverErrors.value.name }, () =>
            h(ElInput, { modelValue: form.name, 'onUpdate:modelValue': (value: string) => (form.name = value) }),
          ),
        )
    },
  })
  mount(NameForm, { global: { plugins: [createConsoleI18n('en'), ElementPlus] }, attachTo: document.body })
  return { form, dialog }
}

function fieldErrors() {
  return [...document.querySelectorAll('.el-form-item__error')].map((error) => error.textContent?.trim())
}

describe('useFormDialog', () => {
  it("sends nothing while the form's own rules are broken", async () => {
    const sent: string[] = []
    const { dialog } = mountForm(async (name) => sent.push(name))
    // Under Node, Element Plus gets async-validator's CommonJS build, cannot construct it and so passes every
    // field: a form that refuses, the way Element Plus does in the browser, stands in.
    dialog.formRef.value = { validate: () => Promise.reject({ name: [{ message: 'Name is required' }] }) } as unknown as FormInstance

    await dialog.save()

    expect(sent).toEqual([])
    expect(dialog.dialogOpen.value).toBe(true)
    expect(dialog.saving.value).toBe(false)
  })

  it('closes, says so and refreshes the page behind it once saved', async () => {
    const sent: string[] = []
    let openWhenRefreshed: boolean | undefined
    const { form, dialog } = mountForm(
      async (name) => sent.push(name),
      async () => {
        openWhenRefreshed = dialog.dialogOpen.value
      },
    )

    form.name = 'Operations'
    await dialog.save()
    await settle()

    expect(sent).toEqual(['Operations'])
    expect(dialog.dialogOpen.value).toBe(false)
    expect(openWhenRefreshed).toBe(false)
    expect(document.body.textContent).toContain('Saved')
    expect(dialog.saving.value).toBe(false)
  })

  it('shows what the server refuses under the field it names, until the dialog opens again', async () => {
    const { form, dialog } = mountForm(async () => {
      throw new ApiError(400, 4001, 'name: a department of that name exists')
    })

    form.name = 'Operations'
    await dialog.save()
    await settle(ERROR_SHOWN_MS)

    expect(fieldErrors()).toEqual(['a department of that name exists'])
    expect(dialog.dialogOpen.value).toBe(true)

    dialog.openDialog()
    await settle(ERROR_SHOWN_MS)
    expect(fieldErrors()).toEqual([])
  })

  it('shows any other failure as a message and keeps the dialog open', async () => {
    const { form, dialog } = mountForm(async () => {
      throw new ApiError(500, 5000, 'database unavailable')
    })

    form.name = 'Operations'
    await dialog.save()
    await settle()

    expect(document.body.textContent).toContain('database unavailable')
    expect(fieldErrors()).toEqual([])
    expect(dialog.dialogOpen.value).toBe(true)
  })
})
