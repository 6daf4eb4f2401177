import { resolve } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import { ReflectionService } from '@grpc/reflection'

export const LIBRARY_SERVICE = 'e2e.library.Library'

/**
 * A gRPC target with server reflection: {@code Lend} answers a receipt naming the title it was asked for and keeps
 * each request and the metadata sent with it.
 */
export async function startGrpcTarget() {
  const definition = protoLoader.loadSync(resolve(import.meta.dirname, 'proto', 'library.proto'), { enums: String })
  const library = grpc.loadPackageDefinition(definition).e2e.library.Library
  const requests = []
  const metadata = []
  const server = new grpc.Server()
  server.addService(library.service, {
    lend: (call, callback) => {
      requests.push(call.request)
      metadata.push(call.metadata.getMap())
      callback(null, { receipt: `lent ${call.request.title}` })
    },
  })
  new ReflectionService(definition).addToServer(server)
  const port = await new Promise((done, fail) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? fail(error) : done(bound))))
  return {
    target: `127.0.0.1:${port}`,
    requests,
    metadata,
    stop: () => new Promise((done) => server.tryShutdown(() => done())),
  }
}
