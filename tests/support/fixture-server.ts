// A local HTTP server of web pages for the fetcher, archiving, link watching and import tests:
// article pages, redirects (into private addresses too), slow and huge answers, a gzip bomb,
// a PDF, and pages that change later or later answer 404 (`server.change(path)` / `server.kill(path)`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

export interface FixtureServer {
  url: string
  port: number
  /** Requests seen, path by path. */
  hits: string[]
  /** Sets the HTML a /live/<name> page answers (created on first use). */
  setPage: (name: string, html: string) => void
  /** Makes /live/<name> answer 404 from now on. */
  kill: (name: string) => void
  /** Makes /live/<name> redirect elsewhere from now on. */
  move: (name: string, to: string) => void
  close: () => Promise<void>
}

export function articleHtml({
  title,
  byline = 'Ada Reporter',
  date = '2026-11-30',
  paragraphs,
}: {
  title: string
  byline?: string
  date?: string
  paragraphs: string[]
}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Fixture Times</title>
<meta name="author" content="${byline}"><meta property="article:published_time" content="${date}T08:00:00Z">
<meta property="og:site_name" content="The Fixture Times"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By ${byline}</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<div class="related-stories"><h3>More from The Fixture Times</h3><p>Celebrity chef opens a riverside restaurant with a view of the old docks.</p><p>Sign up for our morning newsletter and never miss a story.</p></div>
<aside><h2>Most read</h2><ul><li><a href="/a">Celebrity chef opens restaurant</a></li><li><a href="/b">Weather turns cold</a></li></ul></aside>
<footer>© The Fixture Times. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`
}

export const STATIC_ARTICLE = articleHtml({
  title: 'Harbour traffic fell by a third in 2025',
  paragraphs: [
    'Container traffic through the harbour fell by 31 percent in 2025, according to figures published by the port authority on Monday.',
    'The authority said 1.2 million containers passed through the port, down from 1.74 million a year earlier, the lowest figure since 2009.',
    'Shipping companies blamed the closure of the northern channel for four months and the loss of two weekly services to Asia.',
    'The mayor said the decline was temporary and that traffic would recover once the channel reopened in the spring.',
  ],
})

/** A one-page PDF whose text is "Fixture PDF annual report". */
export function tinyPdf(): Buffer {
  const stream = 'BT /F1 18 Tf 72 720 Td (Fixture PDF annual report) Tj ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const hits: string[] = []
  const live = new Map<string, { html?: string; gone?: boolean; movedTo?: string }>()
  const sockets = new Set<import('node:net').Socket>()

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    hits.push(url.pathname)
    const path = url.pathname
    const send = (status: number, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, ...headers })
      res.end(body)
    }
    if (path === '/echo-headers') return send(200, JSON.stringify(req.headers), 'application/json')
    if (path === '/article') return send(200, STATIC_ARTICLE)
    if (path === '/pdf') return send(200, tinyPdf(), 'application/pdf')
    if (path === '/gzip') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' })
      return res.end(zlib.gzipSync(STATIC_ARTICLE))
    }
    if (path === '/gzip-bomb') {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' })
      return res.end(zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 'a')))
    }
    if (path === '/not-found') return send(404, '<h1>Not found</h1>')
    if (path === '/server-error') return send(500, '<h1>Oops</h1>')
    if (path === '/redirect') {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { Location: url.searchParams.get('to') ?? '/article' })
      return res.end()
    }
    const chain = /^\/chain\/(\d+)$/.exec(path)
    if (chain) {
      const n = Number(chain[1])
      res.writeHead(302, { Location: n > 0 ? `/chain/${n - 1}` : '/article' })
      return res.end()
    }
    if (path === '/slow') {
      // Headers at once, then a trickle that never finishes within the limit.
      res.writeHead(200, { 'Content-Type': 'text/html' })
      const timer = setInterval(() => res.write('<p>.</p>'), 500)
      res.on('close', () => clearInterval(timer))
      return
    }
    if (path === '/slow-headers') {
      const timer = setTimeout(() => send(200, STATIC_ARTICLE), 30_000)
      res.on('close', () => clearTimeout(timer))
      return
    }
    if (path === '/huge') {
      // 6 MB, no Content-Length: the limit must be enforced while reading.
      res.writeHead(200, { 'Content-Type': 'text/html' })
      const chunk = Buffer.alloc(64 * 1024, 'x')
      let sent = 0
      const pump = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      return pump()
    }
    if (path === '/huge-declared') {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(6 * 1024 * 1024) })
      return res.end()
    }
    const liveMatch = /^\/live\/([\w-]+)$/.exec(path)
    if (liveMatch) {
      const page = live.get(liveMatch[1])
      if (!page || page.gone) return send(404, '<h1>Not found</h1>')
      if (page.movedTo) {
        res.writeHead(301, { Location: page.movedTo })
        return res.end()
      }
      return send(200, page.html ?? STATIC_ARTICLE)
    }
    const many = /^\/many\/(\d+)$/.exec(path)
    if (many) {
      return send(
        200,
        articleHtml({
          title: `Source page number ${many[1]}`,
          paragraphs: Array.from(
            { length: 12 },
            (_, i) => `Paragraph ${i + 1} of source ${many[1]} reports that the council spent ${i * 7 + 3} million on roads.`,
          ),
        }),
      )
    }
    send(404, '<h1>Not found</h1>')
  }

  const server = createServer(handle)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    hits,
    setPage: (name, html) => live.set(name, { html }),
    kill: (name) => live.set(name, { ...live.get(name), gone: true }),
    move: (name, to) => live.set(name, { ...live.get(name), movedTo: to }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
