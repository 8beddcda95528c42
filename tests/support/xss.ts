// Hostile input for the attack tests, and a scanner that says where rendered HTML
// (a page, or a Markdown export turned into HTML) would run script.
import { Parser } from 'htmlparser2'

/** Every payload calls alert(1) when it fires: the browser tests listen for the dialog. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">plain javascript link</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab entity link</a>',
  '<a href="&#106;avascript:alert(1)">decimal entity link</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex entity link</a>',
  '<a href="javascript&colon;alert(1)">named colon link</a>',
  '<a href="java&Tab;script:alert(1)">named tab link</a>',
  '<a href="  javascript:alert(1)">leading spaces link</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed case link</a>',
  '<a href="java\nscript:alert(1)">newline link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="vbscript:msgbox(1)">vbscript link</a>',
  '<a href="https://ok.example/" onclick="alert(1)">handler on a good link</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  '<template><img src=x onerror=alert(1)></template>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<div style="background:url(javascript:alert(1))">style url</div>',
  '<div style="width: expression(alert(1))">style expression</div>',
  '<details open ontoggle=alert(1)>details</details>',
  '<input autofocus onfocus=alert(1)>',
  '<body onload=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '"><script>alert(1)</script>',
  "'-alert(1)-'",
  '</script><script>alert(1)</script>',
  '<!--<script>alert(1)</script>-->',
  "{{constructor.constructor('alert(1)')()}}",
  '[click](javascript:alert(1)) ![x](javascript:alert(1)) <javascript:alert(1)>',
]

/** Source URLs that must be refused: nothing but absolute http(s). */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  '  javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://files.example/x',
  '//evil.example/x',
  '/relative/path',
  'https:',
  'http://',
]

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'codebase',
  'cite',
  'longdesc',
  'srcset',
])
const NEVER = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'svg', 'math', 'noscript', 'xmp', 'template', 'portal'])

/** A URL as a browser reads its scheme: without whitespace and control characters, lower case. */
// eslint-disable-next-line no-control-regex -- a browser drops control characters from a URL's scheme
const schemeOf = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase()
const DANGEROUS_SCHEME = /^(javascript|vbscript|data|livescript|mocha):/

export interface ScanOptions {
  /** Inline scripts Next.js writes (flight data); checked to be plain data. */
  allowNextScripts?: boolean
  /** The app's own charts are inline SVG: allowed on pages (their attributes are still checked). */
  allowSvg?: boolean
  /** <img> elements allowed when their src is one of these. */
  allowedImageSources?: string[]
}

/**
 * Everything in `html` that could run script: event-handler attributes, script-bearing
 * URLs (however written), elements that should never appear, scripts other than JSON-LD
 * (and, for pages, Next.js's own), style that calls out. Empty when the HTML is safe.
 */
export function scriptRisks(html: string, options: ScanOptions = {}): string[] {
  const risks: string[] = []
  let script: { type: string; src: string; text: string } | null = null
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) risks.push(`<${name} ${attribute}="${value}">`)
          if (URL_ATTRIBUTES.has(attribute) && DANGEROUS_SCHEME.test(schemeOf(value))) risks.push(`<${name} ${attribute}="${value}">`)
          if (attribute === 'srcdoc') risks.push(`<${name} srcdoc>`)
          if (attribute === 'style' && /expression\s*\(|url\s*\(|javascript:|@import|behavior\s*:/i.test(value))
            risks.push(`<${name} style="${value}">`)
        }
        if (NEVER.has(name) && !(name === 'svg' && options.allowSvg)) risks.push(`<${name}>`)
        if (name === 'meta' && /refresh/i.test(attributes['http-equiv'] ?? '')) risks.push('<meta http-equiv=refresh>')
        if (name === 'img' && !(options.allowedImageSources ?? []).includes(attributes.src ?? '')) risks.push(`<img src="${attributes.src}">`)
        if (name === 'script') script = { type: attributes.type ?? '', src: attributes.src ?? '', text: '' }
      },
      ontext(text) {
        if (script) script.text += text
      },
      onclosetag(name) {
        if (name !== 'script' || !script) return
        const current: { type: string; src: string; text: string } = script
        script = null
        if (current.type === 'application/ld+json') {
          if (/<\/script|<!--/i.test(current.text)) risks.push('JSON-LD that closes its script')
          try {
            JSON.parse(current.text)
          } catch {
            risks.push('JSON-LD that is not JSON')
          }
          return
        }
        if (options.allowNextScripts && current.src.startsWith('/_next/') && !current.text.trim()) return
        if (options.allowNextScripts && isNextFlightScript(current.text)) return
        risks.push(`<script${current.src ? ` src="${current.src}"` : ''}>${current.text.slice(0, 120)}`)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return risks
}

/**
 * Next.js's inline scripts: `(self.__next_f=self.__next_f||[]).push([0])` and
 * `self.__next_f.push([1,"…"])` whose argument is JSON, i.e. data that stayed data,
 * Turbopack's chunk list (JSON too), and React's own streaming helpers (which never carry user text).
 */
function isNextFlightScript(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed === '(self.__next_f=self.__next_f||[]).push([0])') return true
  const push = /^self\.__next_f\.push\((.*)\)$/s.exec(trimmed)
  if (push) {
    try {
      JSON.parse(push[1])
      return true
    } catch {
      return false
    }
  }
  const turbopack = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((.*)\);?$/s.exec(trimmed)
  if (turbopack) {
    try {
      JSON.parse(turbopack[1])
      return true
    } catch {
      return false
    }
  }
  return /^(\$R[A-Z]|requestAnimationFrame\(function\(\)\{\$RT)/.test(trimmed) && !/alert\(/.test(trimmed)
}
