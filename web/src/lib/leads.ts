/** What a lead may be decided with, as discipline-service's workflow allows it (docs in LeadWorkflow). */
import { OUTCOMES, type LeadState, type Outcome } from '@/api/discipline'

/** Outside a filed case only form-1 outcomes; after 立案审查 any outcome of the four forms. */
export function outcomesFor(from: LeadState): Outcome[] {
  const all = Object.keys(OUTCOMES) as Outcome[]
  return from === 'CASE_FILED' ? all : all.filter((o) => OUTCOMES[o].form === 1)
}

/** Java's LocalDate.plusMonths(n).minusDays(1) on ISO dates: the last day of an influence period of n months. */
export function influenceUntil(decidedOn: string, months: number): string {
  const [y, m, d] = decidedOn.split('-').map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay)) // plusMonths keeps the day, or the month's last day when shorter
  target.setUTCDate(target.getUTCDate() - 1)
  return target.toISOString().slice(0, 10)
}

/**
 * 影响期 months per sanction type as discipline-service is configured by default (discipline.rules.influence-months;
 * 留党察看 from the decision: 12 or 24): the preview before saving. The saved sanction shows the server's dates.
 */
export const INFLUENCE_MONTHS: Record<string, number> = { ADMONISHMENT: 6, WARNING: 12, SERIOUS_WARNING: 18, REMOVAL_FROM_POSTS: 24, EXPULSION: 60 }
export const PROBATION_MONTHS = [12, 24]
