import type { ActivityStatus, RuleStatus } from '@/api/activity'

/** The colour of a status (its words come from the API module's labels). */
export const RULE_TONE: Record<RuleStatus, 'ok' | 'warn' | 'bad' | 'info' | 'plain'> = {
  MET: 'ok', AT_RISK: 'warn', MISSED: 'bad', ON_TRACK: 'info', OPEN: 'info', UPCOMING: 'plain',
}
export const ACTIVITY_TONE: Record<ActivityStatus, 'ok' | 'warn' | 'bad' | 'info' | 'plain'> = {
  PLANNED: 'info', HELD: 'ok', ARCHIVED: 'plain', CANCELLED: 'plain',
}
