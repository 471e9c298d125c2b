/** The difference between two versions of a rule set: rules added, removed and changed, and changed parameters. */
import type { RuleSet } from '@/api/activity'
import { ACTIVITY_TYPES, PERIOD_KINDS } from '@/api/activity'

export interface DiffLine { what: string; before: string; after: string }

const ruleKey = (r: RuleSet['rules'][number]) => `${r.type}|${r.scope ?? 'BRANCH'}|${r.condition ?? ''}`
const ruleText = (r: RuleSet['rules'][number]) => `${PERIOD_KINDS[r.period]}至少${r.minCount}次`
const SCOPES: Record<string, string> = { BRANCH: '', PARTY_GROUP: '（每个党小组）', MEMBER_PAIR: '（每名委员与每名党员）' }
const ruleName = (r: RuleSet['rules'][number]) => `${ACTIVITY_TYPES[r.type]}${SCOPES[r.scope ?? 'BRANCH'] ?? ''}${r.condition === 'SECRETARY_LECTURES' ? '（书记讲党课）' : ''}`

export function diffRuleSets(before: RuleSet, after: RuleSet): DiffLine[] {
  const lines: DiffLine[] = []
  const param = (what: string, a: unknown, b: unknown) => {
    const x = a == null ? '默认' : String(a)
    const y = b == null ? '默认' : String(b)
    if (x !== y) lines.push({ what, before: x, after: y })
  }
  param('补录认定天数', before.lateEntryDays, after.lateEntryDays)
  param('补录记录折算系数', before.lateEntryWeight, after.lateEntryWeight)
  param('一会多用折算系数', before.multiPurposeWeight, after.multiPurposeWeight)
  for (const k of Object.keys(PERIOD_KINDS) as (keyof typeof PERIOD_KINDS)[]) {
    param(`预警天数（${PERIOD_KINDS[k]}）`, before.warningDays[k], after.warningDays[k])
  }
  const old = new Map(before.rules.map((r) => [ruleKey(r), r]))
  const now = new Map(after.rules.map((r) => [ruleKey(r), r]))
  for (const [k, r] of now) {
    const o = old.get(k)
    if (!o) lines.push({ what: ruleName(r), before: '无', after: ruleText(r) })
    else if (ruleText(o) !== ruleText(r)) lines.push({ what: ruleName(r), before: ruleText(o), after: ruleText(r) })
  }
  for (const [k, r] of old) if (!now.has(k)) lines.push({ what: ruleName(r), before: ruleText(r), after: '无' })
  return lines
}
