import { describe, expect, it } from 'vitest'
import { cityCharts, monthsSoFar } from './dashboard'
import { tableRows } from './charts'
import type { CityCompliance } from '@/api/activity'
import type { DepartmentRank } from '@/api/org'
import type { Completion } from '@/api/study'

const quality = (late: number | null) => ({ sittings: 10, attendanceRate: 0.9, lateEntryShare: late, multiPurposeShare: null, minutesPresentShare: null })
const city: CityCompliance = {
  period: '2026-Q4', branches: 5, evaluatedAt: '2026-11-30T00:00:00Z', summary: { MET: 9, MISSED: 2 }, quality: quality(0.1),
  departments: [
    { department: 'caizheng', branches: 3, summary: { MET: 6, MISSED: 2, AT_RISK: 1 }, quality: quality(0.125) },
    { department: 'jiaoyu', branches: 2, summary: { MET: 3, ON_TRACK: 4 }, quality: quality(null) },
  ],
}
const rank = (r: number, department: string, name: string, avg: number, stars: Record<string, number>): DepartmentRank =>
  ({ rank: r, department, name, branches: 2, averageTotal: avg, branchesByStars: stars, businessScore: null, businessRank: null, rankDifference: null })
const names: Record<string, string> = { caizheng: '市财政局', jiaoyu: '市教育局' }

describe('the city dashboard charts carry the API numbers', () => {
  const c = cityCharts({
    city, name: (k) => names[k],
    ranking: [rank(1, 'jiaoyu', '市教育局', 88.5, { 5: 1, 3: 1 }), rank(2, 'caizheng', '市财政局', 80.25, { 3: 2, 0: 1 })],
    trend: [{ month: '2026-10', view: { ...city, summary: { MET: 4, MISSED: 1 } } }, { month: '2026-11', view: { ...city, summary: { MET: 5 } } }],
    study: { year: 2026, branches: [], departments: [
      { department: 'caizheng', branchId: null, branchName: null, members: 8, requiredTotal: 16, requiredCompleted: 12, completionRate: 75.0, membersAtTarget: 2, membersWithOverdue: 1 }] } as Completion,
  })

  it('compliance by department: the counts of each status per department, the codes behind them for the drill-down', () => {
    expect(tableRows(c.compliance)).toEqual([['部门', '未完成', '临期未完成', '进行中', '已完成'], ['市财政局', 2, 1, 0, 6], ['市教育局', 0, 0, 4, 3]])
    expect(c.complianceCodes).toEqual(['caizheng', 'jiaoyu'])
  })
  it('late entries as a percentage with one decimal, none as an empty cell', () => {
    expect(tableRows(c.late)).toEqual([['部门', '补录占比(%)'], ['市财政局', 12.5], ['市教育局', null]])
  })
  it('the monthly trend, the ranking, the stars summed over departments, study completion', () => {
    expect(tableRows(c.trend).slice(1)).toEqual([['2026年10月', 1, 0, 0, 4], ['2026年11月', 0, 0, 0, 5]])
    expect(tableRows(c.ranking).slice(1)).toEqual([['市教育局', 88.5], ['市财政局', 80.25]])
    expect(c.rankingCodes).toEqual(['jiaoyu', 'caizheng'])
    expect(tableRows(c.stars).slice(1)).toEqual([['5星', 1], ['4星', 0], ['3星', 3], ['2星', 0], ['1星', 0], ['未评星', 1]])
    expect(tableRows(c.study).slice(1)).toEqual([['市财政局', 75, 25]])
  })
  it('asks for the months of the year so far', () => {
    expect(monthsSoFar(2026, 3)).toEqual(['2026-01', '2026-02', '2026-03'])
  })
})
