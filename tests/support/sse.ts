// Reads Server-Sent Events from a byte stream (a fetch body or a feed opened in-process).
export interface SseMessage {
  event: string
  data: Record<string, unknown>
  id?: string
}

export class SseReader {
  #reader: ReadableStreamDefaultReader<Uint8Array>
  #decoder = new TextDecoder()
  #buffer = ''
  #queue: SseMessage[] = []
  /** A read still in flight after a timeout: the next call takes it over, so no chunk is dropped. */
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null

  constructor(stream: ReadableStream<Uint8Array>) {
    this.#reader = stream.getReader()
  }

  /** The next message satisfying `match`, skipping others; fails after `timeoutMs`. */
  async next(match: (message: SseMessage) => boolean = () => true, timeoutMs = 5000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.#queue.findIndex(match)
      if (index >= 0) return this.#queue.splice(0, index + 1).pop()!
      this.#queue = []
      const left = deadline - Date.now()
      if (left <= 0) throw new Error('No matching server-sent event arrived in time.')
      let timer: NodeJS.Timeout | undefined
      this.#pending ??= this.#reader.read()
      const chunk = await Promise.race([
        this.#pending,
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left))),
      ]).finally(() => clearTimeout(timer))
      if (chunk === 'timeout') continue
      this.#pending = null
      if (chunk.done) throw new Error('The event stream ended.')
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true })
      this.#parse()
    }
  }

  async cancel() {
    await this.#reader.cancel().catch(() => {})
  }

  #parse() {
    let end: number
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, end)
      this.#buffer = this.#buffer.slice(end + 2)
      const fields: Record<string, string> = {}
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue
        const colon = line.indexOf(':')
        fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart()
      }
      if (fields.event || fields.data) {
        this.#queue.push({ event: fields.event ?? 'message', data: fields.data ? JSON.parse(fields.data) : {}, id: fields.id })
      }
    }
  }
}
