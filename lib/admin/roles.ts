// Roles in the newsroom's words, for forms and tables.
import type { Role } from '../generated/prisma/enums'

export const ROLE_LABELS: Record<Role, string> = { CHECKER: 'Checker', EDITOR: 'Editor', ADMIN: 'Admin' }
export const ROLES = Object.keys(ROLE_LABELS) as Role[]
