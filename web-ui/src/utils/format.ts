/** Date, time and duration formatting in the viewer's time zone and language. */

/**
 * `YYYY-MM-DD HH:mm:ss` in the given IANA zone (the viewer's when absent): one shape in every language, so no
 * reader has to guess whether 02/12 is February or December. The language argument no longer changes the shape.
 */
export function formatDateTime(value: string | null | undefined, _locale?: string, timeZone?: string): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZone: timeZone || undefined,
    }).formatToParts(date).map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** The viewer's IANA time zone. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Milliseconds between the planned and the actual start of a run; null when either is unknown. */
export function lateness(scheduled: string | null | undefined, started: string | null | undefined): number | null {
  if (!scheduled || !started) return null
  const delay = Date.parse(started) - Date.parse(scheduled)
  return Number.isNaN(delay) ? null : Math.max(0, delay)
}

/** Milliseconds as `850 ms`, `12.3 s` or `2 min 5 s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} min ${seconds} s`
}

/** A success rate as the API gives it, in percent (0-100): 97 is shown as `97.0%`, 0.8 as `0.8%`. */
export function formatRate(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '—'
  return `${percent.toFixed(1)}%`
}

/** Pretty-prints JSON text; anything else comes back unchanged. */
export function prettyJson(text: string | null | undefined): string {
  if (!text) return ''
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

export function isJsonObjectText(text: string | null | undefined): boolean {
  if (!text || !text.trim()) return true
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
  } catch {
    return false
  }
}
