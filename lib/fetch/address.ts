// Which IP addresses a server-side fetch may connect to (pure: no DNS, no sockets).
// Everything that is not plainly a public unicast address is refused: loopback, private,
// link-local, CGNAT, multicast, reserved, documentation, cloud metadata, IPv6 unique-local
// and link-local, and every IPv6 form that embeds an IPv4 address (mapped, compatible,
// NAT64, 6to4) is judged by the IPv4 address it carries.

/** The four bytes of a dotted IPv4 address, or null. Only canonical dotted decimal (what DNS and the URL parser give). */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes = parts.map((part) => (/^(0|[1-9]\d{0,2})$/.test(part) ? Number(part) : NaN))
  return bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? bytes : null
}

/** The eight 16-bit groups of an IPv6 address (brackets, zone and an embedded dotted IPv4 tail allowed), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (!s.includes(':')) return null
  const lastColon = s.lastIndexOf(':')
  const last = s.slice(lastColon + 1)
  if (last.includes('.')) {
    // An embedded dotted IPv4 tail (::ffff:127.0.0.1) is two groups.
    const v4 = parseIPv4(last)
    if (!v4) return null
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const group = (part: string) => (part === '' ? [] : part.split(':'))
  const head = group(halves[0])
  const rest = halves.length === 2 ? group(halves[1]) : []
  const parse = (g: string) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)
  const headNums = head.map(parse)
  const restNums = rest.map(parse)
  if ([...headNums, ...restNums].some(Number.isNaN)) return null
  const explicit = headNums.length + restNums.length
  if (halves.length === 1) return explicit === 8 ? headNums : null
  if (explicit > 7) return null
  return [...headNums, ...new Array<number>(8 - explicit).fill(0), ...restNums]
}

type Range = [bytes: number[], prefix: number, why: string]

const V4_BLOCKED: Range[] = [
  [[0, 0, 0, 0], 8, 'this network (0.0.0.0/8)'],
  [[10, 0, 0, 0], 8, 'a private address'],
  [[100, 64, 0, 0], 10, 'a carrier-grade NAT address'],
  [[127, 0, 0, 0], 8, 'a loopback address'],
  [[169, 254, 0, 0], 16, 'a link-local or cloud metadata address'],
  [[172, 16, 0, 0], 12, 'a private address'],
  [[192, 0, 0, 0], 24, 'a reserved address'],
  [[192, 0, 2, 0], 24, 'a documentation address'],
  [[192, 88, 99, 0], 24, 'a reserved address'],
  [[192, 168, 0, 0], 16, 'a private address'],
  [[198, 18, 0, 0], 15, 'a benchmarking address'],
  [[198, 51, 100, 0], 24, 'a documentation address'],
  [[203, 0, 113, 0], 24, 'a documentation address'],
  [[224, 0, 0, 0], 4, 'a multicast address'],
  [[240, 0, 0, 0], 4, 'a reserved address'],
]

function inRange(bytes: number[], base: number[], prefix: number, bitsPerUnit: number): boolean {
  let bits = prefix
  for (let i = 0; bits > 0; i++, bits -= bitsPerUnit) {
    const take = Math.min(bits, bitsPerUnit)
    const mask = ((1 << take) - 1) << (bitsPerUnit - take)
    if ((bytes[i] & mask) !== (base[i] & mask)) return false
  }
  return true
}

/** Why an IPv4 address may not be fetched, or null when it is a public unicast address. */
export function blockedIPv4(bytes: number[]): string | null {
  for (const [base, prefix, why] of V4_BLOCKED) if (inRange(bytes, base, prefix, 8)) return why
  return null
}

const V6_BLOCKED: Range[] = [
  [[0xfc00], 7, 'an IPv6 unique-local address'],
  [[0xfe80], 10, 'an IPv6 link-local address'],
  [[0xfec0], 10, 'an IPv6 site-local address'],
  [[0xff00], 8, 'a multicast address'],
  [[0x2001, 0x0db8], 32, 'a documentation address'],
  [[0x2001, 0], 23, 'a reserved IPv6 address (Teredo, benchmarking, ORCHID)'],
  [[0x0100, 0, 0, 0], 64, 'a discard-only address'],
]

/** Why an IPv6 address may not be fetched, or null when it is a public unicast address. */
export function blockedIPv6(groups: number[]): string | null {
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255]
  const zeros = (n: number) => groups.slice(0, n).every((g) => g === 0)
  if (zeros(8)) return 'the unspecified address'
  if (zeros(7) && groups[7] === 1) return 'a loopback address'
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated): judged by the IPv4 inside.
  if (zeros(5) && (groups[5] === 0xffff || groups[5] === 0)) return blockedIPv4(v4(groups[6], groups[7])) ?? 'an IPv4-mapped IPv6 address'
  if (zeros(4) && groups[4] === 0xffff && groups[5] === 0) return blockedIPv4(v4(groups[6], groups[7])) ?? 'an IPv4-translated IPv6 address'
  // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) reaches the IPv4 address inside.
  if (groups[0] === 0x64 && groups[1] === 0xff9b) return blockedIPv4(v4(groups[6], groups[7])) ?? (groups[2] === 1 ? 'a local NAT64 address' : null)
  // 6to4 (2002::/16) carries an IPv4 address in its second and third groups.
  if (groups[0] === 0x2002) return blockedIPv4(v4(groups[1], groups[2])) ?? null
  for (const [base, prefix, why] of V6_BLOCKED) if (inRange(groups, base, prefix, 16)) return why
  // Only global unicast (2000::/3) is public.
  if ((groups[0] & 0xe000) !== 0x2000) return 'a reserved IPv6 address'
  return null
}

/** Why an address (IPv4 or IPv6 text) may not be fetched; null when it may. Unparseable text is refused. */
export function blockedAddress(address: string): string | null {
  const v4 = parseIPv4(address)
  if (v4) return blockedIPv4(v4)
  const v6 = parseIPv6(address)
  if (v6) return blockedIPv6(v6)
  return 'not an IP address'
}
