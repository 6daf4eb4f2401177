import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'

const HEALTH_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 30_000
const SHUTDOWN_WAIT_SECONDS = 5

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts the built server jar through bin/distributedjob (which picks a JDK >= 21) in a fresh temporary
 * directory: its own embedded database, logs and free ports.
 */
export async function startServer({ jar, launcher, adminPassword, options = [] }) {
  if (!existsSync(jar)) throw new Error(`no server jar at ${jar}: build it first (mvn package)`)
  const workDir = mkdtempSync(join(tmpdir(), 'dj-e2e-'))
  const port = await freePort()
  const rpcPort = await freePort()
  const logFile = join(workDir, 'server.out')
  const out = createWriteStream(logFile)
  const child = spawn('bash', [
    launcher,
    `--server.port=${port}`,
    `--rpc.port=${rpcPort}`,
    '--database.url=',
    `--database.embeddedPath=${join(workDir, 'data')}`,
    `--log.path=${join(workDir, 'log')}`,
    `--auth.adminPassword=${adminPassword}`,
    ...options,
  ], { cwd: workDir, env: { ...process.env, DJ_JAR: jar }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.pipe(out)
  child.stderr.pipe(out)
  let exited = null
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))))

  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (true) {
    if (exited) throw new Error(`server exited (${JSON.stringify(exited)}) before it was healthy:\n${tail(logFile)}`)
    try {
      const response = await fetch(`${origin}/v1/health`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not healthy after ${HEALTH_TIMEOUT_MS / 1000}s:\n${tail(logFile)}`)
    }
    await sleep(500)
  }

  async function stop() {
    if (exited) return
    try {
      await fetch(`${origin}/v1/shutdown?wait=${SHUTDOWN_WAIT_SECONDS}`)
    } catch {
      // it may close the connection while going down
    }
    const stopped = await Promise.race([exit, sleep(STOP_TIMEOUT_MS).then(() => null)])
    if (!stopped) {
      child.kill('SIGKILL')
      await exit
    }
  }

  return { origin, port, workDir, logFile, stop, log: () => tail(logFile) }
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no output)'
  }
}
