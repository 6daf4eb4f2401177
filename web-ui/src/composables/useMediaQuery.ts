import { onBeforeUnmount, ref } from 'vue'

/** Phone-width layouts switch on this. */
export const PHONE_QUERY = '(max-width: 768px)'

export function useMediaQuery(query: string) {
  const matches = ref(false)
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return matches
  const list = window.matchMedia(query)
  matches.value = list.matches
  const update = (e: MediaQueryListEvent) => (matches.value = e.matches)
  list.addEventListener('change', update)
  onBeforeUnmount(() => list.removeEventListener('change', update))
  return matches
}
