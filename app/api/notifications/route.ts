import { apiRoute } from '@/lib/http'
import { listNotifications, unreadCount } from '@/lib/notifications'

// The signed-in member's notifications, newest first, and how many are unread.
export const GET = apiRoute(async ({ actor }) => {
  const [notifications, unread] = await Promise.all([listNotifications(actor), unreadCount(actor)])
  return { notifications, unread }
})
