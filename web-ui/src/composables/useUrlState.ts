import { onMounted, reactive, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'

export type FieldKind = 'string' | 'number'
export type Schema = Record<string, FieldKind>
export type StateOf<S extends Schema> = { [K in keyof S]: S[K] extends 'number' ? number | undefined : string | undefined }

function first(value: LocationQuery[string]): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v === null || v === undefined || v === '' ? undefined : v
}

/** Reads the schema's fields from a route query; anything missing or malformed falls back to the default. */
export function parseQuery<S extends Schema>(schema: S, query: LocationQuery, defaults: Partial<StateOf<S>> = {}): StateOf<S> {
  const state = {} as Record<string, string | number | undefined>
  for (const [key, kind] of Object.entries(schema)) {
    const raw = first(query[key])
    const fallback = (defaults as Record<string, string | number | undefined>)[key]
    if (raw === undefined) state[key] = fallback
    else if (kind === 'number') {
      const n = Number(raw)
      state[key] = Number.isFinite(n) ? n : fallback
    } else state[key] = raw
  }
  return state as StateOf<S>
}

/** The query for a state: empty fields and fields equal to their default are left out, to keep URLs short. */
export function toQuery<S extends Schema>(schema: S, state: StateOf<S>, defaults: Partial<StateOf<S>> = {}): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of Object.keys(schema)) {
    const value = (state as Record<string, unknown>)[key]
    const fallback = (defaults as Record<string, unknown>)[key]
    if (value !== undefined && value !== null && value !== '' && value !== fallback) query[key] = String(value)
  }
  return query
}

/**
 * Page state kept in the URL (filters, page number): shareable links, and back/forward restore the view.
 * `state` is bound to the controls; `apply` writes it to the URL, which then calls `load`.
 */
export function useUrlState<S extends Schema>(schema: S, defaults: Partial<StateOf<S>>, load: (state: StateOf<S>) => void) {
  const route = useRoute()
  const router = useRouter()
  const state = reactive(parseQuery(schema, route.query, defaults)) as StateOf<S>

  const page = route.name

  // Back/forward and links change the query: the view follows. The watcher also sees the route of the next
  // page while this one is being left, which it ignores.
  watch(
    () => route.query,
    (query) => {
      if (route.name !== page) return
      Object.assign(state, parseQuery(schema, query, defaults))
      load(state)
    },
  )
  onMounted(() => load(state))

  function apply(patch: Partial<StateOf<S>> = {}) {
    Object.assign(state, patch)
    const query = toQuery(schema, state, defaults)
    const current = toQuery(schema, parseQuery(schema, route.query, defaults), defaults)
    if (JSON.stringify(query) === JSON.stringify(current)) load(state)
    else void router.push({ query })
  }

  function reset(patch: Partial<StateOf<S>> = {}) {
    for (const key of Object.keys(schema)) (state as Record<string, unknown>)[key] = (defaults as Record<string, unknown>)[key]
    apply(patch)
  }

  return { state, apply, reset }
}
