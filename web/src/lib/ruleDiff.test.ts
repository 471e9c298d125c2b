import { describe, expect, it } from 'vitest'
import { diffRuleSets } from './ruleDiff'
import type { RuleSet } from '@/api/activity'

const set = (version: number, over: Partial<RuleSet>): RuleSet => ({
  id: `city-2026-${version}`, owner: 'city', year: 2026, version, lateEntryDays: 7, warningDays: { MONTH: 7, QUARTER: 15 },
  lateEntryWeight: null, multiPurposeWeight: null, publishedBy: 'work-committee', publishedAt: '2026-01-01T00:00:00Z', laxerApproval: null,
  rules: [{ type: 'BRANCH_COMMITTEE_MEETING', minCount: 1, period: 'MONTH', scope: 'BRANCH', condition: null },
    { type: 'PARTY_LECTURE', minCount: 1, period: 'QUARTER', scope: 'BRANCH', condition: null }],
  ...over,
})

describe('the difference of two rule set versions', () => {
  it('names changed parameters, changed, added and removed rules', () => {
    const v1 = set(1, {})
    const v2 = set(2, { lateEntryDays: 10, warningDays: { MONTH: 5, QUARTER: 15 }, rules: [
      { type: 'BRANCH_COMMITTEE_MEETING', minCount: 2, period: 'MONTH', scope: 'BRANCH', condition: null },
      { type: 'THEME_PARTY_DAY', minCount: 1, period: 'MONTH', scope: 'BRANCH', condition: null }] })
    expect(diffRuleSets(v1, v2)).toEqual([
      { what: '补录认定天数', before: '7', after: '10' },
      { what: '预警天数（每月）', before: '7', after: '5' },
      { what: '支委会', before: '每月至少1次', after: '每月至少2次' },
      { what: '主题党日', before: '无', after: '每月至少1次' },
      { what: '党课', before: '每季度至少1次', after: '无' },
    ])
  })
  it('finds nothing between equal versions', () => {
    expect(diffRuleSets(set(1, {}), set(2, {}))).toEqual([])
  })
})
