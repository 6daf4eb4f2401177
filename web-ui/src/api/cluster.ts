import { http } from './http'

/** An instance of the cluster as its heartbeats describe it (GET /instances). */
export interface Instance {
  id: string
  host: string
  version: string | null
  started: string
  lastHeartbeat: string
  firesClaimed: number
  firesRunning: number
  /** A heartbeat within one lease. */
  healthy: boolean
  /** The instance that answered. */
  self: boolean
}

export const clusterApi = {
  instances: () => http.get<Instance[]>('/instances'),
}
