import { describe, expect, it } from 'vitest'
import { composeDigestMail, composeNotificationMail, escapeHtml, mailBaseUrl, type MailItem } from './mail'

const item: MailItem = {
  kind: 'MENTION',
  actorName: 'Carla <b>Checker</b>',
  quote: 'Russia was "not" helping & more',
  articleTitle: "Tillerson's <script>alert(1)</script>",
  claimPath: '/articles/a1?claim=c1',
  noteBody: '<img src=x onerror=alert(1)> @Eddie Editor',
}

describe('notification mails', () => {
  it('escape every value in the HTML part, and keep the text part as written', () => {
    const mail = composeNotificationMail(item, 'https://news.example', 'https://news.example/unsubscribe?token=t&x=1')
    expect(mail.html).not.toMatch(/<script|<img|<b>/)
    expect(mail.html).toContain('Carla &lt;b&gt;Checker&lt;/b&gt;')
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(mail.html).toContain('href="https://news.example/unsubscribe?token=t&amp;x=1"')
    expect(mail.text).toContain('<img src=x onerror=alert(1)> @Eddie Editor')
    expect(mail.text).toContain('Open the claim: https://news.example/articles/a1?claim=c1')
    expect(mail.text).toContain('https://news.example/unsubscribe?token=t&x=1')
    expect(mail.subject).not.toContain('\n')
  })

  it('a digest lists every item and one unsubscribe link per kind', () => {
    const mail = composeDigestMail([item, { ...item, kind: 'ASSIGNED', noteBody: null }], 'https://news.example', [
      { kind: 'MENTION', url: 'https://news.example/u1' },
      { kind: 'ASSIGNED', url: 'https://news.example/u2' },
    ])
    expect(mail.subject).toBe('Factmark daily digest: 2 notifications')
    expect(mail.text).toContain('https://news.example/u1')
    expect(mail.text).toContain('https://news.example/u2')
    expect(mail.text).toContain('assigned you')
  })

  it('links start at the public URL, without a trailing slash', () => {
    expect(mailBaseUrl('https://news.example/', {})).toBe('https://news.example')
    expect(mailBaseUrl(null, { FACTMARK_PUBLIC_URL: 'https://factmark.example//' })).toBe('https://factmark.example')
    expect(mailBaseUrl(null, {})).toBe('http://localhost:3000')
  })

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;')
  })
})
