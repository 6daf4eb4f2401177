import { createServer } from 'node:http'
import { expect, eventually } from './expect.mjs'

/** A webhook receiver for alerts: keeps every JSON body posted to it. */
async function startAlertReceiver() {
  const alerts = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      try {
        alerts.push(JSON.parse(body))
      } catch {
        alerts.push({ unparsed: body })
      }
      response.writeHead(200, { 'Content-Type': 'text/plain' })
      response.end('ok')
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/alerts`,
    alerts,
    stop: () => new Promise((resolve) => server.close(resolve)),
  }
}

/**
 * An operator adds a webhook alert channel, sends a test alert through it, and gives a task a failure rule on
 * its form; a failing run of the task then raises the alert.
 */
export async function alertChannelAndRules({ ui, harness, api }) {
  const page = ui.page
  const receiver = await startAlertReceiver()
  try {
    const channelName = `e2e-hook-${Date.now().toString(36)}`
    await ui.open('/alert-channels')
    await page.getByTestId('channel-create').click()
    const dialog = ui.dialog()
    await dialog.getByTestId('channel-name').fill(channelName)
    await dialog.getByTestId('channel-url').fill(receiver.url)
    await dialog.getByTestId('channel-secret').fill('e2e-signing-secret')
    await harness.shot(page, '60-alert-channel-form')
    await page.getByTestId('channel-save').click()
    await ui.dialogClosed()
    const row = page.locator(`[data-channel="${channelName}"]`)
    await row.waitFor()

    await row.getByTestId('channel-test').click()
    await eventually(() => receiver.alerts.some((alert) => alert.event === 'TEST'), { what: 'the test alert at the receiver' })
    await page.locator('.el-message--success').first().waitFor()
    await harness.shot(page, '61-alert-channels')
    const listed = await api.call('GET', '/alert-channels?size=100')
    const channel = listed.data.list.find((c) => c.name === channelName)
    expect(channel.secret, 'secret shown masked').toBe('******')

    const me = await api.call('GET', '/auth/userinfo')
    const taskName = `e2e-alerting-${Date.now().toString(36)}`
    const task = await api.call('POST', '/tasks/http', {
      name: taskName, departmentId: me.data.departmentId, cron: '0 3 1 1 *', url: 'http://127.0.0.1:9/refused',
      httpMethod: 'POST', status: 0, timeout: 2,
    })
    expect(task.status, `creating ${taskName}`).toBe(200)
    await ui.open(`/tasks/${task.data.id}/edit`)
    const rules = page.getByTestId('alert-rules')
    await rules.waitFor()
    await rules.getByTestId('alert-rules-inherit').click()
    await rules.getByTestId('alert-rule-add').click()
    await ui.pick(rules.getByTestId('alert-rule-channels').last(), channelName)
    await rules.getByTestId('alert-rules-save').click()
    await eventually(async () => {
      const saved = await api.call('GET', `/tasks/${task.data.id}/alert-rules`)
      return !saved.data.inherit && saved.data.rules.length === 1 && saved.data.rules[0].kind === 'FAILURE'
        && saved.data.rules[0].channelIds[0] === channel.id
    }, { what: 'the failure rule saved on the task' })
    await harness.shot(page, '62-task-alert-rules')

    expect((await api.call('POST', `/tasks/${task.data.id}/run`)).status, 'run now').toBe(200)
    const alert = await eventually(() => receiver.alerts.find((a) => a.event === 'FAILURE' && a.taskId === task.data.id),
      { what: 'the failure alert of the task', timeout: 30_000 })
    expect(alert.taskName, 'alert names the task').toBe(taskName)
    await api.call('DELETE', `/tasks/${task.data.id}`)
  } finally {
    await receiver.stop()
  }
}
