import assert from 'node:assert/strict'

/** Minimal assertions with messages that say what a user would have noticed. */
export function expect(actual, what = 'value') {
  return {
    toBe: (expected) => assert.equal(actual, expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`),
    toContain: (part) => assert.ok(String(actual).includes(part), `${what}: expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(actual)}`),
    toMatch: (pattern) => assert.ok(pattern.test(String(actual)), `${what}: expected to match ${pattern}, got ${JSON.stringify(actual)}`),
    toBeTrue: () => assert.equal(actual, true, `${what}: expected true`),
    toBeAtLeast: (n) => assert.ok(actual >= n, `${what}: expected at least ${n}, got ${actual}`),
    toBeAtMost: (n) => assert.ok(actual <= n, `${what}: expected at most ${n}, got ${actual}`),
  }
}

/** Polls until the check returns a truthy value. */
export async function eventually(check, { timeout = 30_000, interval = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout
  let last
  while (Date.now() < deadline) {
    try {
      last = await check()
      if (last) return last
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
  throw new Error(`${what} not reached within ${timeout / 1000}s (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`)
}
