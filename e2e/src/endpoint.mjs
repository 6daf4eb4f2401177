import { createServer } from 'node:http'

/**
 * A tiny job endpoint: counts the calls it receives (with their headers) and answers a small JSON document. It is
 * also the server's OTLP receiver ({@code /v1/traces}), which takes the spans and keeps none.
 */
export async function startEndpoint() {
  const hits = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        response.writeHead(200, { 'Content-Type': 'application/x-protobuf' })
        response.end()
        return
      }
      hits.push({ method: request.method, url: request.url, headers: request.headers, body, at: Date.now() })
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ ok: true, job: 'e2e-ping', hit: hits.length }))
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/ping`,
    origin: `http://127.0.0.1:${port}`,
    hits,
    count: () => hits.length,
    stop: () => new Promise((resolve) => server.close(resolve)),
  }
}
