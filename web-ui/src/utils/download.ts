import { useSessionStore } from '@/stores/session'
import { ApiError } from '@/api/http'

/** Saves what an API address answers (a CSV export) under a file name, sending the session's token. */
export async function downloadFile(url: string, filename: string): Promise<void> {
  const token = useSessionStore().accessToken
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!response.ok) {
    const envelope = (await response.json().catch(() => null)) as { code?: number; message?: string } | null
    throw new ApiError(response.status, envelope?.code ?? response.status, envelope?.message ?? response.statusText)
  }
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = filename
  link.click()
  URL.revokeObjectURL(link.href)
}
