import { describe, expect, it } from 'vitest'
import { buildMatrix, matrixTable } from './matrix'
import { RULE_STATUS, type BranchLine, type RuleLine } from '@/api/activity'

const rule = (type: RuleLine['type'], typeLabel: string, period: string, status: RuleLine['status'], counts: [number, number][]): RuleLine =>
  ({ type, typeLabel, minCount: counts[0][1], period, scope: 'BRANCH', condition: null, status,
    parts: counts.map(([count, required], i) => ({ period: `2026-Q${i + 1}`, unit: '', count, required, status })) })
// a branch's line as the department's view answers it (GET /api/compliance/departments/{department})
const branch = (branchId: string, branchName: string, rules: RuleLine[]): Pick<BranchLine, 'branchId' | 'branchName' | 'rules'> => ({ branchId, branchName, rules })

describe('the compliance matrix', () => {
  const m = buildMatrix([
    branch('b1', '第一支部', [rule('BRANCH_COMMITTEE_MEETING', '支委会', 'MONTH', 'MET', [[1, 1], [1, 1], [1, 1]]),
      rule('PARTY_LECTURE', '党课', 'QUARTER', 'AT_RISK', [[0, 1]])]),
    branch('b2', '第二支部', [rule('BRANCH_COMMITTEE_MEETING', '支委会', 'MONTH', 'MISSED', [[1, 1], [0, 1], [1, 1]]),
      { ...rule('PARTY_LECTURE', '党课', 'YEAR', 'MET', [[1, 1]]), condition: 'SECRETARY_LECTURES' }]),
  ])

  it('has a column per rule in the order first met, a row per branch', () => {
    expect(m.columns).toEqual([
      { key: 'BRANCH_COMMITTEE_MEETING|MONTH|BRANCH', label: '支委会（每月1次）' },
      { key: 'PARTY_LECTURE|QUARTER|BRANCH', label: '党课（每季度1次）' },
      { key: 'PARTY_LECTURE|YEAR|BRANCH|SECRETARY_LECTURES', label: '书记讲党课（每年1次）' },
    ])
    expect(m.rows.map((r) => r.branchName)).toEqual(['第一支部', '第二支部'])
  })

  it('sums the parts of a cell', () => {
    expect(m.rows[1].cells['BRANCH_COMMITTEE_MEETING|MONTH|BRANCH']).toEqual({ status: 'MISSED', count: 2, required: 3 })
    expect(m.rows[1].cells['PARTY_LECTURE|QUARTER|BRANCH']).toBeUndefined()
  })

  it('exports each cell in words', () => {
    expect(matrixTable(m, RULE_STATUS)).toEqual([
      ['支部', '支委会（每月1次）', '党课（每季度1次）', '书记讲党课（每年1次）'],
      ['第一支部', '已完成 3/3', '临期未完成 0/1', '不适用'],
      ['第二支部', '未完成 2/3', '不适用', '已完成 1/1'],
    ])
  })
})
