// Shapes the browser receives (dates arrive as ISO strings).
import type { ClaimDetail, ClaimSummary } from '@/lib/claims'
import type { Role } from '@/lib/generated/prisma/enums'
import type { Jsonified } from '@/lib/http/json'

export type { Jsonified }
export type Claim = Jsonified<ClaimSummary>
export type ClaimWithThread = Jsonified<ClaimDetail>
export type Note = ClaimWithThread['notes'][number]
export type Source = ClaimWithThread['sources'][number]
export type Member = { id: string; name: string; role: Role }
export type CurrentUser = { id: string; name: string; role: Role }
