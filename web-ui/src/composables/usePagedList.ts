import { ref, type Ref } from 'vue'
import type { Page } from '@/api/http'
import { showError } from '@/utils/errors'
import { useUrlState, type Schema, type StateOf } from './useUrlState'

/** Rows a list shows until the user picks another page size. */
const DEFAULT_PAGE_SIZE = 10

const PAGING = { page: 'number', size: 'number' } as const
type Paged<S extends Schema> = S & typeof PAGING

export interface PagedListOptions<S extends Schema> {
  defaults?: Partial<StateOf<S>>
  /** Follows every load, whether it succeeded or not. */
  afterLoad?: () => void
}

export interface LoadOptions {
  /** A background refresh: no loading mask, and a failure waits for the next refresh instead of showing. */
  quiet?: boolean
}

/**
 * A list the server pages, with its filters, page and page size kept in the URL (see useUrlState).
 * `fetchPage` asks the server for the page that the state names.
 */
export function usePagedList<S extends Schema, T>(
  filters: S,
  fetchPage: (state: StateOf<Paged<S>>) => Promise<Page<T>>,
  options: PagedListOptions<S> = {},
) {
  const rows: Ref<T[]> = ref([])
  const total = ref(0)
  const loading = ref(false)
  /** The last load's failure, until a load succeeds: the table shows it with a retry instead of "no data". */
  const error = ref<unknown>(null)

  const schema: Paged<S> = { ...filters, ...PAGING }
  const defaults = { page: 1, size: DEFAULT_PAGE_SIZE, ...options.defaults } as Partial<StateOf<Paged<S>>>
  const { state, apply, reset } = useUrlState(schema, defaults, () => void load())

  async function load({ quiet = false }: LoadOptions = {}) {
    if (!quiet) loading.value = true
    try {
      const page = await fetchPage(state)
      rows.value = page.list
      total.value = page.total
      error.value = null
    } catch (e) {
      if (!quiet) {
        error.value = e
        showError(e)
      }
    } finally {
      loading.value = false
    }
    options.afterLoad?.()
  }

  return { state, apply, reset, rows, total, loading, error, load }
}
