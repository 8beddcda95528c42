// Slugs for public addresses (/p/<newsroom>/<article>): lower-case ASCII words joined by
// hyphens, made from a name or headline. Pure, so the migration's backfill rule and the app agree.

export const SLUG_MAX = 80
/** What a slug may be: words of a–z and 0–9 joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** "Tillerson calls out China — and Russia!" → "tillerson-calls-out-china-and-russia"; "" when nothing is left. */
export function slugify(text: string): string {
  const words = text
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > SLUG_MAX) break
    slug = next
  }
  return slug || words[0]?.slice(0, SLUG_MAX) || ''
}

/** `text` without hyphens at its end (a loop: a /-+$/ pattern backtracks on long runs). */
export function trimEndHyphens(text: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === '-') end--
  return text.slice(0, end)
}

/** `base` (or `fallback` when empty), with -2, -3, … added until it is not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>, fallback = 'fact-check'): string {
  const root = base || fallback
  if (!taken.has(root)) return root
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${trimEndHyphens(root.slice(0, SLUG_MAX - suffix.length))}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}
