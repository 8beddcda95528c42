import { ImageResponse } from 'next/og'
import { htmlAnswer, publicRoute } from '@/lib/publish/http'
import { loadShareCard, type ShareCardInput } from '@/lib/publish/public'
import { renderMissingPage } from '@/lib/publish/render'

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)

/** The card: verdict on top, the quote, the newsroom's name. Satori lays out flex boxes only, with its built-in font. */
function ShareCard({ card }: { card: ShareCardInput }) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        width: '100%',
        height: '100%',
        background: '#ffffff',
        padding: 64,
        justifyContent: 'space-between',
      }}
    >
      <div style={{ display: 'flex', fontSize: 30, color: '#555555' }}>Fact-check</div>
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', fontSize: 72, fontWeight: 700, color: '#1d1d1f' }}>{clip(card.verdict, 40)}</div>
        <div
          style={{ display: 'flex', fontSize: 40, color: '#1d1d1f', marginTop: 24 }}
        >{`“${clip(card.quote.replace(/\s+/g, ' ').trim(), 180)}”`}</div>
      </div>
      <div style={{ display: 'flex', fontSize: 30, color: '#0b5cad', borderTop: '4px solid #1d1d1f', paddingTop: 20 }}>{clip(card.newsroom, 80)}</div>
    </div>
  )
}

// A claim's Open Graph image (1200×630): its verdict, its quote and the newsroom.
export const GET = publicRoute<{ newsroom: string; article: string; number: string }>(async (_request, { newsroom, article, number }) => {
  const card = /^[1-9][0-9]{0,8}$/.test(number) ? await loadShareCard(newsroom, article, Number(number)) : null
  if (!card) return htmlAnswer(renderMissingPage(404), 404)
  const image = new ImageResponse(<ShareCard card={card} />, { width: 1200, height: 630 })
  const body = new Uint8Array(await image.arrayBuffer())
  return new Response(body, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=300' } })
})
