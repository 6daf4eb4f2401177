import { reactive } from 'vue'
import { recordsApi, type ExecutionRecord } from '@/api/records'
import type { Task } from '@/api/tasks'

/** Runs the list looks back on for a task's success figure. */
export const RECENT_RUNS = 10
/** How far back the list looks for those runs. */
const LOOK_BACK_MS = 30 * 24 * 60 * 60 * 1000

export interface RunSummary {
  /** The newest run, or null when the task has not run in the window. */
  last: ExecutionRecord | null
  /** Finished runs among the recent ones, and how many of them succeeded. */
  finished: number
  succeeded: number
  /** Oldest first, for a strip of coloured marks. */
  statuses: number[]
}

/** A task's recent runs (newest first, as the API lists them) in figures. */
export function summarizeRuns(records: ExecutionRecord[]): RunSummary {
  const finished = records.filter((r) => r.status !== 0)
  return {
    last: records[0] ?? null,
    finished: finished.length,
    succeeded: finished.filter((r) => r.status === 1).length,
    statuses: records.map((r) => r.status).reverse(),
  }
}

/**
 * The recent runs of the tasks a page shows, one small request per task, so that the list tells at a glance
 * which ones fail. A task whose runs cannot be read keeps no figure rather than failing the list.
 */
export function useRecentRuns(now: () => number = Date.now) {
  const byTask = reactive(new Map<number, RunSummary>())

  async function load(tasks: Task[]) {
    const to = new Date(now())
    const from = new Date(to.getTime() - LOOK_BACK_MS)
    await Promise.all(
      tasks.map(async (task) => {
        try {
          const page = await recordsApi.list({ taskId: task.id, from: from.toISOString(), to: to.toISOString(), page: 1, size: RECENT_RUNS })
          byTask.set(task.id, summarizeRuns(page.list))
        } catch {
          byTask.delete(task.id)
        }
      }),
    )
  }

  return { byTask, load }
}
