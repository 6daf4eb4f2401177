import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { showError } from '@/utils/errors'

/**
 * Deletion behind a warning the user must accept. `confirmDelete` resolves true once `remove` went through and
 * the user has been told; false when they backed out or the server refused (they are shown why), so that the
 * caller refreshes only after a deletion.
 */
export function useConfirmDelete() {
  const { t } = useI18n()

  async function confirmDelete(message: string, remove: () => Promise<unknown>): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, t('common.confirmTitle'), {
        type: 'warning', confirmButtonText: t('common.delete'), confirmButtonClass: 'el-button--danger',
      })
    } catch {
      return false
    }
    try {
      await remove()
      ElMessage.success(t('common.deleted'))
      return true
    } catch (e) {
      showError(e)
      return false
    }
  }

  return { confirmDelete }
}
