import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { departmentsApi, type Department } from '@/api/org'
import { buildDepartmentTree, flattenDepartments } from '@/utils/tree'
import { useSessionStore } from './session'

/**
 * The departments the user may pick from (the server lists those in the user's scope), loaded once per session.
 * Should the list fail, the user's own department still shows.
 */
export const useDepartmentsStore = defineStore('departments', () => {
  const all = ref<Department[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const tree = computed(() => buildDepartmentTree(all.value))
  const byId = computed(() => new Map(flattenDepartments(all.value).map((d) => [d.id, d])))

  function ownDepartment(): Department[] {
    const user = useSessionStore().user
    return user ? [{ id: user.departmentId, name: user.departmentName ?? String(user.departmentId), parentId: null, status: 1 }] : []
  }

  async function fetchAll() {
    try {
      all.value = await departmentsApi.list()
    } catch {
      all.value = ownDepartment()
    }
  }

  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve()
    if (!pending) {
      pending = fetchAll().finally(() => {
        loaded.value = true
        pending = null
      })
    }
    return pending
  }

  function name(id: number | null | undefined): string {
    if (id === null || id === undefined) return '—'
    return byId.value.get(id)?.name ?? String(id)
  }

  function reset() {
    all.value = []
    loaded.value = false
  }

  return { all, tree, byId, loaded, load, name, reset }
})
