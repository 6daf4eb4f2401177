/** The windows the executions page offers; `custom` takes the user's own start and end. */
export const RANGE_PRESETS = ['1h', '24h', '7d', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

const HOUR_MS = 60 * 60 * 1000
const PRESET_MS: Record<Exclude<RangePreset, 'custom'>, number> = { '1h': HOUR_MS, '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS }

export const DEFAULT_RANGE: RangePreset = '24h'

export function isRangePreset(value: unknown): value is RangePreset {
  return typeof value === 'string' && (RANGE_PRESETS as readonly string[]).includes(value)
}

/**
 * The ISO instants a preset stands for, ending now; a custom range keeps the given ends (an unusable one falls
 * back to the default window, so the page always asks for something sensible).
 */
export function resolveRange(preset: string | undefined, from: string | undefined, to: string | undefined, now: number): { from: string; to: string } {
  if (preset === 'custom' && from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to)) && Date.parse(from) <= Date.parse(to)) {
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
  }
  const span = PRESET_MS[isRangePreset(preset) && preset !== 'custom' ? preset : (DEFAULT_RANGE as '24h')]
  return { from: new Date(now - span).toISOString(), to: new Date(now).toISOString() }
}

/** The year and month of an instant, in the viewer's zone: the record tables are kept per month. */
export function monthOf(value: string | null | undefined): { year?: number; month?: number } {
  const time = Date.parse(value ?? '')
  if (Number.isNaN(time)) return {}
  const date = new Date(time)
  return { year: date.getFullYear(), month: date.getMonth() + 1 }
}
