import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, type FormInstance } from 'element-plus'
import { ApiError } from '@/api/http'
import { fieldErrorsOf, showError } from '@/utils/errors'

/**
 * A dialog that creates or edits one record through a form. The form's own rules are checked first; what the
 * server then refuses field by field shows under those fields, any other failure as a message.
 * `submit` sends the form; `afterSave` refreshes what shows the record once the dialog has closed.
 */
export function useFormDialog(submit: () => Promise<unknown>, afterSave: () => Promise<unknown>) {
  const { t } = useI18n()
  const dialogOpen = ref(false)
  const saving = ref(false)
  const formRef = ref<FormInstance>()
  const serverErrors = ref<Record<string, string>>({})

  function openDialog() {
    serverErrors.value = {}
    dialogOpen.value = true
  }

  async function save() {
    if (!(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    serverErrors.value = {}
    try {
      await submit()
      ElMessage.success(t('common.saved'))
      dialogOpen.value = false
      await afterSave()
    } catch (e) {
      const fieldErrors = e instanceof ApiError && e.status === 400 ? fieldErrorsOf(e) : {}
      if (Object.keys(fieldErrors).length) serverErrors.value = fieldErrors
      else showError(e)
    } finally {
      saving.value = false
    }
  }

  return { dialogOpen, saving, formRef, serverErrors, openDialog, save }
}
