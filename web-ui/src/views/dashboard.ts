import type { ExecutionRecord } from '@/api/records'
import type { Task } from '@/api/tasks'

export const DAY_MS = 24 * 60 * 60 * 1000
/** Rows the dashboard reads in one request: the largest page the API serves. */
export const SAMPLE_SIZE = 100

/** The 24 hours up to `now`, as the ISO instants the record queries take. */
export function lastDay(now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - DAY_MS).toISOString(), to: now.toISOString() }
}

export interface SlowTask {
  taskId: number
  taskName: string
  runs: number
  avgCost: number
  maxCost: number
}

/** Tasks by average duration over the finished executions in the sample, slowest first. */
export function slowestTasks(records: ExecutionRecord[], limit: number): SlowTask[] {
  const byTask = new Map<number, SlowTask & { totalCost: number }>()
  for (const record of records) {
    if (record.costTime === null || record.costTime === undefined || record.status === 0) continue
    const entry = byTask.get(record.taskId) ?? {
      taskId: record.taskId, taskName: record.taskName ?? `#${record.taskId}`, runs: 0, avgCost: 0, maxCost: 0, totalCost: 0,
    }
    entry.runs += 1
    entry.totalCost += record.costTime
    entry.maxCost = Math.max(entry.maxCost, record.costTime)
    entry.avgCost = entry.totalCost / entry.runs
    byTask.set(record.taskId, entry)
  }
  return [...byTask.values()]
    .sort((a, b) => b.avgCost - a.avgCost)
    .slice(0, limit)
    .map(({ totalCost: _total, ...task }) => task)
}

/** Enabled tasks by their next fire time, soonest first. */
export function upcomingFires(tasks: Task[], limit: number): Task[] {
  return tasks
    .filter((task) => task.status !== 0 && task.nextExecuteTime)
    .sort((a, b) => Date.parse(a.nextExecuteTime as string) - Date.parse(b.nextExecuteTime as string))
    .slice(0, limit)
}

/** `YYYY-MM-DD` of a date in the viewer's time zone. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** The days of a month's statistics up to and including today: the days ahead have nothing to show. */
export function pastDays<T extends { date: string }>(daily: T[], today: string): T[] {
  return daily.filter((day) => day.date.slice(0, 10) <= today)
}

export interface HourBucket {
  /** Start of the hour, in ms. */
  start: number
  success: number
  fail: number
}

const HOUR_MS = 60 * 60 * 1000

/** Finished executions of the 24 hours up to `now`, counted per hour, oldest hour first. */
export function hourlyBuckets(records: ExecutionRecord[], now: number): HourBucket[] {
  const lastHour = Math.floor(now / HOUR_MS) * HOUR_MS
  const buckets: HourBucket[] = Array.from({ length: 24 }, (_, i) => ({ start: lastHour - (23 - i) * HOUR_MS, success: 0, fail: 0 }))
  for (const record of records) {
    const time = Date.parse(record.scheduledTime ?? record.startTime ?? '')
    if (Number.isNaN(time) || record.status === 0) continue
    const bucket = buckets[Math.floor((time - buckets[0]!.start) / HOUR_MS)]
    if (!bucket) continue
    if (record.status === 1) bucket.success += 1
    else bucket.fail += 1
  }
  return buckets
}
