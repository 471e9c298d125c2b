/**
 * The city dashboard's charts from the API's answers (the numbers as the API gives them: counts as counts, rates as
 * percentages with one decimal), and the department codes behind each category for the drill-down.
 */
import type { CityCompliance, RuleStatus } from '@/api/activity'
import { RULE_STATUS } from '@/api/activity'
import type { DepartmentRank } from '@/api/org'
import type { Completion } from '@/api/study'
import { formatMonth } from './format'
import { percent, type ChartData } from './charts'

const STATUSES: RuleStatus[] = ['MISSED', 'AT_RISK', 'ON_TRACK', 'MET']

export function monthsSoFar(year: number, month: number): string[] {
  return Array.from({ length: month }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
}

export interface CityInputs {
  city: CityCompliance | null; ranking: DepartmentRank[] | null; trend: { month: string; view: CityCompliance }[] | null
  study: Completion | null; name: (code: string) => string
}

export function cityCharts(i: CityInputs) {
  const depts = i.city?.departments ?? []
  const compliance: ChartData = { categoryLabel: '部门', categories: depts.map((d) => i.name(d.department)),
    series: STATUSES.map((s) => ({ name: RULE_STATUS[s], values: depts.map((d) => d.summary[s] ?? 0) })) }
  const late: ChartData = { categoryLabel: '部门', categories: compliance.categories,
    series: [{ name: '补录占比(%)', values: depts.map((d) => percent(d.quality.lateEntryShare)) }] }
  const trend: ChartData = { categoryLabel: '月份', categories: (i.trend ?? []).map((t) => formatMonth(t.month)),
    series: STATUSES.map((s) => ({ name: RULE_STATUS[s], values: (i.trend ?? []).map((t) => t.view.summary[s] ?? 0) })) }
  const ranked = i.ranking ?? []
  const ranking: ChartData = { categoryLabel: '部门', categories: ranked.map((r) => r.name),
    series: [{ name: '党建平均分', values: ranked.map((r) => Number(r.averageTotal)) }] }
  const starKeys = [5, 4, 3, 2, 1, 0]
  const stars: ChartData = { categoryLabel: '星级', categories: starKeys.map((s) => (s ? `${s}星` : '未评星')),
    series: [{ name: '支部数', values: starKeys.map((s) => ranked.reduce((n, r) => n + (r.branchesByStars[String(s)] ?? 0), 0)) }] }
  const rates = i.study?.departments ?? []
  const study: ChartData = { categoryLabel: '部门', categories: rates.map((r) => i.name(r.department)),
    // completionRate arrives as a percentage already (study-service: done × 100 / total, one decimal)
    series: [{ name: '必学完成率(%)', values: rates.map((r) => (r.completionRate == null ? null : Number(r.completionRate))) },
      { name: '学时达标党员占比(%)', values: rates.map((r) => (r.members ? percent(r.membersAtTarget / r.members) : null)) }] }
  return {
    compliance, late, trend, ranking, stars, study,
    complianceCodes: depts.map((d) => d.department), rankingCodes: ranked.map((r) => r.department),
  }
}
