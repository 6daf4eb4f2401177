import { expect, eventually } from './expect.mjs'
import { LIBRARY_SERVICE, startGrpcTarget } from './grpcTarget.mjs'

/**
 * On the gRPC task form, the user loads the methods of a target by reflection, picks one, gets its request
 * template in the request field, edits it, adds a metadata entry and runs a test call that reaches the target with
 * both and shows its answer; at desktop and phone width.
 */
export async function grpcMethodPicker({ ui, harness }) {
  const target = await startGrpcTarget()
  const page = ui.page
  try {
    await ui.open('/tasks/new?type=GRPC')
    await page.getByTestId('task-grpc-service').fill(target.target)
    await page.getByTestId('grpc-load-methods').click()
    await eventually(async () => !(await page.getByTestId('grpc-method-picker').locator('.is-disabled').count()), { what: 'the methods loaded' })
    await ui.pick(page.getByTestId('grpc-method-picker'), 'Lend')

    expect(await page.getByTestId('task-grpc-service').inputValue(), 'service filled in').toBe(`${target.target}/${LIBRARY_SERVICE}`)
    expect(await page.getByTestId('task-grpc-method').inputValue(), 'method filled in').toBe('Lend')
    const template = JSON.parse(await page.getByTestId('task-grpc-params').inputValue())
    expect(template.title, 'template: a string').toBe('')
    expect(template.format, 'template: the first enum name').toBe('FORMAT_PAPER')
    expect(template.readers.length, 'template: one item of a repeated field').toBe(1)
    expect(template.shelf.row, 'template: a nested message').toBe(0)
    await harness.shot(page, '09b-grpc-method-picked')

    await page.getByTestId('task-grpc-params').fill(JSON.stringify({ ...template, title: 'e2e-dune' }, null, 2))
    await page.getByTestId('grpc-metadata-add').click()
    await page.getByTestId('grpc-metadata-key').fill('x-tenant')
    await page.getByTestId('grpc-metadata-value').fill('e2e-library')
    await page.getByTestId('grpc-test-call').click()
    await page.getByTestId('grpc-call-answer').waitFor()
    expect(await page.getByTestId('grpc-call-status').innerText(), 'test call status').toContain('OK')
    expect(await page.getByTestId('grpc-call-response').innerText(), 'test call response').toContain('lent e2e-dune')
    expect(target.requests.map((request) => request.title).join(','), 'requests the target received').toBe('e2e-dune')
    expect(target.metadata[0]?.['x-tenant'], 'metadata the target received').toBe('e2e-library')
    await harness.shot(page, '09c-grpc-test-call')

    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByTestId('grpc-call-answer').scrollIntoViewIfNeeded()
    const picker = await page.getByTestId('grpc-picker').boundingBox()
    expect(picker.x + picker.width, 'picker within the phone width').toBeAtMost(390)
    await harness.shot(page, '09d-grpc-test-call-phone')
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 })
    await target.stop()
  }
}
