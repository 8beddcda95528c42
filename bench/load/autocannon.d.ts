// The part of autocannon 8's API the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
  }

  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?(request: AutocannonRequest, context: Record<string, unknown>): AutocannonRequest | null
    onResponse?(status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>): void
  }

  export interface Client extends EventEmitter {
    setRequests(requests: AutocannonRequest[]): void
    on(event: 'response', listener: (statusCode: number, resBytes: number, responseTime: number) => void): this
  }

  export interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    requests?: AutocannonRequest[]
    setupClient?(client: Client): void
  }

  export interface Result {
    duration: number
    requests: Histogram & { sent: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }

  function autocannon(options: Options): Promise<Result> & EventEmitter
  export default autocannon
}
