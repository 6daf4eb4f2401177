import { http } from './http'

/** The gRPC task fields a listing or a test call reads: the target and how to reach it. */
export interface GrpcTargetInput {
  /** `<target>` or `<target>/<package.Service>`: every service of the target is listed either way. */
  grpcService: string
  grpcTls?: boolean
  /** Seconds; a listing waits at most 10 s whatever the task's timeout. */
  timeout?: number
  /** The task's department, which must lie in the caller's scope. */
  departmentId?: number
}

export interface GrpcTestCallInput extends GrpcTargetInput {
  grpcMethod: string
  /** The request message as a JSON object text; empty sends an empty message. */
  grpcParams?: string
  /** The metadata sent with the call, a JSON object text of string values, checked as a task's. */
  headers?: string
}

export interface GrpcMethod {
  name: string
  inputType: string
  outputType: string
  clientStreaming: boolean
  serverStreaming: boolean
  /** Only unary methods can be called by a task. */
  callable: boolean
  /** The request message as JSON text, every field with an example value. */
  requestTemplate: string
}

export interface GrpcServiceMethods {
  service: string
  methods: GrpcMethod[]
}

export interface GrpcTestCall {
  success: boolean
  /** The gRPC status code (0 OK) and its name. */
  statusCode: number
  status: string
  durationMs: number
  /** The response message as JSON text, cut to the server's job.responseMaxBytes. */
  response: string | null
  error: string | null
}

export const grpcTargetsApi = {
  methods: (input: GrpcTargetInput) => http.post<GrpcServiceMethods[]>('/tasks/grpc/methods', input),
  testCall: (input: GrpcTestCallInput) => http.post<GrpcTestCall>('/tasks/grpc/test-call', input),
}
