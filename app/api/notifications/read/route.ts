import { apiRoute } from '@/lib/http'
import { markAllRead } from '@/lib/notifications'

// "Mark all as read".
export const POST = apiRoute(async ({ actor }) => markAllRead(actor))
