import { createServer } from 'node:http'
import { expect, eventually } from './expect.mjs'

/** A job endpoint whose calls hang until released, so that an execution stays running. */
async function startStallingEndpoint() {
  const waiting = []
  const server = createServer((request, response) => {
    waiting.push(response)
    request.resume()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/stall`,
    calls: () => waiting.length,
    stop: () => {
      for (const response of waiting) response.destroy()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}

/**
 * A task whose call hangs shows under "Running now" on the executions page with a ticking duration; the operator
 * cancels it after confirming, and its record then says who cancelled it.
 */
export async function runningExecutionCancelled({ ui, harness, api }) {
  const page = ui.page
  const endpoint = await startStallingEndpoint()
  try {
    const name = `e2e-stall-${Date.now().toString(36)}`
    const created = await api.call('POST', '/tasks/http', {
      name, departmentId: 1, cron: '0 0 0 1 1 *', status: 0, url: endpoint.url, httpMethod: 'GET', timeout: 120,
    })
    await expect(created.status, `task created: ${JSON.stringify(created.body)}`).toBe(200)
    const taskId = created.data.id
    await api.call('POST', `/tasks/${taskId}/run`)
    await eventually(async () => endpoint.calls() === 1, { what: 'the hanging call at the endpoint' })

    await ui.open('/records')
    await page.getByTestId('records-view-running').click()
    const row = page.getByTestId('running-table').locator('tbody tr').filter({ hasText: name })
    await row.waitFor()
    await expect(await row.locator('[data-status="0"]').count(), 'the row is tagged running').toBe(1)
    const firstDuration = await row.getByTestId('running-for').innerText()
    await eventually(async () => (await row.getByTestId('running-for').innerText()) !== firstDuration,
      { what: 'the running duration ticking' })
    await harness.shot(page, '70-running-executions')

    await row.getByTestId('running-cancel').click()
    await ui.confirm()
    await row.waitFor({ state: 'detached', timeout: 10_000 })
    await eventually(async () => {
      const now = new Date()
      const records = await api.call('GET', `/records?year=${now.getFullYear()}&month=${now.getMonth() + 1}&taskId=${taskId}`)
      const record = records.data?.list?.[0]
      return record?.status === 2 && record.error === 'cancelled by admin'
    }, { what: 'the record saying the admin cancelled it' })
    await api.call('DELETE', `/tasks/${taskId}`)
  } finally {
    await endpoint.stop()
  }
}
