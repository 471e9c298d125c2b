/**
 * How the committee's pages show and edit each kind of versioned rule (docs/rules.md): the Chinese label and unit of
 * every number, a one-line summary of a version, and the form's values as the API takes them.
 */
import type { RuleService } from '@/api/rules'
import { ACTIVITY_TYPES, PERIOD_KINDS, type Rule } from '@/api/activity'

export interface NumberField { key: string; label: string; unit: string; precision?: number }
export interface Bracket { upTo: number | null; percent: number | null }
export interface KindForm {
  service: RuleService
  /** lists of dues brackets, each ending with the one without an upper limit */
  brackets: { key: string; label: string }[]
  numbers: NumberField[]
  /** a summary of its own, for values that are more than numbers (the compliance rules, the scoring rules) */
  summary?: (values: Record<string, unknown>) => string
  /** the page that edits this kind instead of the form here (department overrides, rule lists, star thresholds) */
  editedOn?: string
}

export const KIND_FORMS: Record<string, KindForm> = {
  dues: {
    service: 'org',
    brackets: [{ key: 'employed', label: '在职党员' }, { key: 'retired', label: '离退休党员' }],
    numbers: [{ key: 'fixedAmount', label: '学生、无固定收入、生活困难党员', unit: '元/月', precision: 2 }],
  },
  arrears: {
    service: 'org', brackets: [],
    numbers: [{ key: 'warningMonths', label: '欠缴预警', unit: '个月' }, { key: 'lapseReviewMonths', label: '自行脱党审查（无理由）', unit: '个月' }],
  },
  committee: {
    service: 'org', brackets: [],
    numbers: [
      { key: 'membersForCommittee', label: '设支部委员会的正式党员数', unit: '人' },
      { key: 'minSize', label: '委员会最少', unit: '人' },
      { key: 'maxSize', label: '委员会最多', unit: '人' },
      { key: 'branchTermYears', label: '党支部任期', unit: '年' },
      { key: 'generalBranchTermYears', label: '党总支任期', unit: '年' },
      { key: 'organCommitteeTermYears', label: '机关党委任期', unit: '年' },
      { key: 'reminderDays', label: '换届提前提醒', unit: '天' },
    ],
  },
  branchSize: {
    service: 'org', brackets: [],
    numbers: [
      { key: 'minFullMembers', label: '支部最少正式党员', unit: '人' },
      { key: 'generalBranchAbove', label: '党员超过此数可设党总支', unit: '人' },
      { key: 'committeeAbove', label: '党员超过此数可设基层党委', unit: '人' },
    ],
  },
  probation: {
    service: 'org', brackets: [],
    numbers: [{ key: 'years', label: '预备期', unit: '年' }, { key: 'maxExtensionMonths', label: '延长预备期最长', unit: '个月' }],
  },
  cadres: {
    service: 'org', brackets: [],
    numbers: [{ key: 'partyAffairsPercent', label: '专职党务干部占在编人数', unit: '%', precision: 2 }],
  },
  compliance: {
    service: 'activity', brackets: [], numbers: [], editedOn: 'committee-rules',
    summary: (v) => {
      const rules = (v.rules as Rule[]) ?? []
      const shown = rules.slice(0, 3).map((r) => `${ACTIVITY_TYPES[r.type] ?? r.type}${PERIOD_KINDS[r.period] ?? r.period}至少${r.minCount}次`)
      return `${rules.length}条最低次数规则（${shown.join('、')}${rules.length > 3 ? '等' : ''}）；活动后超过${v.lateEntryDays}天录入为补录`
    },
  },
  scoring: {
    service: 'org', brackets: [], numbers: [], editedOn: 'committee-rules',
    summary: (v) => {
      const weights = ['complianceWeight', 'qualityWeight', 'studyWeight', 'termOnTimeWeight', 'committeeCompleteWeight', 'duesWeight']
      const total = weights.reduce((sum, k) => sum + Number(v[k] ?? 0), 0)
      return `满分${total}分；一至五星门槛 ${((v.starThresholds as number[]) ?? []).join('/')} 分`
    },
  },
  credits: {
    service: 'study', brackets: [],
    numbers: [
      { key: 'creditTarget', label: '党员年度学时', unit: '学时' },
      { key: 'creditTargetLeading', label: '领导干部、支部书记年度学时', unit: '学时' },
      { key: 'newMemberStudyDays', label: '新党员必学期限（入党之日起）', unit: '天' },
    ],
  },
}

/** At most this many brackets per list in the form (the field paths a problem may name). */
export const MAX_BRACKETS = 10

function bracketText(list: Bracket[]): string {
  return list.map((b) => `${b.upTo == null ? '以上' : `≤${b.upTo}元`} ${b.percent}%`).join('、')
}

/** One line for the table: every number with its label and unit. */
export function summarize(kind: string, values: Record<string, unknown>): string {
  const form = KIND_FORMS[kind]
  if (!form) return JSON.stringify(values)
  if (form.summary) return form.summary(values)
  const parts = form.brackets.map((b) => `${b.label} ${bracketText((values[b.key] as Bracket[]) ?? [])}`)
  for (const n of form.numbers) parts.push(`${n.label} ${values[n.key]}${n.unit}`)
  return parts.join('；')
}

/** The form's field paths, as a problem names them (values.employed[1].upTo, reason, inForceSince). */
export function formFields(kind: string): string[] {
  const form = KIND_FORMS[kind]
  const paths = ['reason', 'inForceSince']
  if (!form) return paths
  for (const b of form.brackets) {
    paths.push(`values.${b.key}`)
    for (let i = 0; i < MAX_BRACKETS; i++) paths.push(`values.${b.key}[${i}].upTo`, `values.${b.key}[${i}].percent`)
  }
  for (const n of form.numbers) paths.push(`values.${n.key}`)
  return paths
}

/**
 * A copy of a version's values, as the form's model or as the values to publish (JSON data; a copy through JSON,
 * since the values shown on the page are reactive proxies, which structuredClone refuses).
 */
export function toModel(values: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(values))
}

/** The values to publish: the last bracket of each list has no upper limit. */
export function toValues(kind: string, model: Record<string, unknown>): Record<string, unknown> {
  const values = toModel(model)
  for (const b of KIND_FORMS[kind]?.brackets ?? []) {
    const list = (values[b.key] as Bracket[]) ?? []
    if (list.length) list[list.length - 1].upTo = null
  }
  return values
}
