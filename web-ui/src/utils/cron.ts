import cronstrue from 'cronstrue'
import 'cronstrue/locales/zh_CN'

export type Translate = (key: string, values?: Record<string, unknown>) => string

const MACROS: Record<string, string> = {
  '@yearly': 'cron.macroYearly',
  '@annually': 'cron.macroYearly',
  '@monthly': 'cron.macroMonthly',
  '@weekly': 'cron.macroWeekly',
  '@daily': 'cron.macroDaily',
  '@midnight': 'cron.macroDaily',
  '@hourly': 'cron.macroHourly',
}

const DURATION_UNITS: Record<string, string> = { h: 'cron.unitH', m: 'cron.unitM', s: 'cron.unitS', ms: 'cron.unitMs' }

/** `1h30m` -> ['1 h', '30 min'] through the translate function, or null when it is not a duration. */
function describeDuration(text: string, t: Translate): string | null {
  const parts = [...text.matchAll(/(\d+)(ms|h|m|s)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null
  return parts.map((p) => t(DURATION_UNITS[p[2] as string] as string, { n: Number(p[1]) })).join(' ')
}

export interface CronDescription {
  valid: boolean
  text: string
}

/**
 * A sentence describing when a cron expression fires: 5 fields (minute first), 6 fields (second first), the
 * macros and `@every <duration>`. Syntax errors come back as `valid: false` with the reason.
 */
export function describeCron(expression: string, locale: string, t: Translate): CronDescription {
  const expr = expression.trim().replace(/\s+/g, ' ')
  if (!expr) return { valid: false, text: '' }
  if (expr.startsWith('@')) {
    const macro = MACROS[expr.toLowerCase()]
    if (macro) return { valid: true, text: t(macro) }
    const every = /^@every (\S+)$/i.exec(expr)
    const duration = every?.[1] ? describeDuration(every[1], t) : null
    if (duration) return { valid: true, text: t('cron.every', { duration }) }
    return { valid: false, text: expr }
  }
  const fields = expr.split(' ').length
  if (fields < 5 || fields > 7) return { valid: false, text: `${fields} fields` }
  try {
    const text = cronstrue.toString(expr, {
      locale: locale.startsWith('zh') ? 'zh_CN' : 'en',
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
      verbose: false,
    })
    return { valid: true, text }
  } catch (e) {
    return { valid: false, text: e instanceof Error ? e.message : String(e) }
  }
}

/** Common schedules offered next to the cron field. */
export const CRON_PRESETS: Array<{ key: string; cron: string; values?: Record<string, unknown> }> = [
  { key: 'cron.everyNSeconds', cron: '*/10 * * * * *', values: { n: 10 } },
  { key: 'cron.everyMinute', cron: '* * * * *' },
  { key: 'cron.every5Minutes', cron: '*/5 * * * *' },
  { key: 'cron.hourly', cron: '0 * * * *' },
  { key: 'cron.daily', cron: '0 0 * * *' },
  { key: 'cron.weekdays', cron: '0 9 * * MON-FRI' },
  { key: 'cron.monthly', cron: '0 0 1 * *' },
]
