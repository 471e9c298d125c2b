/** A member's own reminder as org-service and study-service return it (activity-service's has the same fields used here). */
export interface MemberReminder {
  id: string; kind: string; message: string; about: string | null; createdAt: string
}

/** What the member's list shows of any service's reminder. */
export type ShownReminder = Pick<MemberReminder, 'id' | 'message' | 'createdAt'>

/** One list of the reminders each service keeps for the member, newest first (ISO instants sort as text). */
export function mergeReminders(...lists: ShownReminder[][]): ShownReminder[] {
  return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
}
