/** activity-service: organizational life, attendance, check-in, appraisals, compliance, reminders. */
import { download, http, type Page } from './http'

export type ActivityType = 'BRANCH_GENERAL_MEETING' | 'BRANCH_COMMITTEE_MEETING' | 'PARTY_GROUP_MEETING' | 'PARTY_LECTURE'
  | 'THEME_PARTY_DAY' | 'ORGANIZATIONAL_LIFE_MEETING' | 'DEMOCRATIC_APPRAISAL' | 'HEART_TO_HEART_TALK' | 'VOLUNTEER_SERVICE'
export type ActivityStatus = 'PLANNED' | 'HELD' | 'ARCHIVED' | 'CANCELLED'
export type Attendance = 'PRESENT' | 'ABSENT' | 'EXCUSED'
export type Rating = 'EXCELLENT' | 'QUALIFIED' | 'BASICALLY_QUALIFIED' | 'UNQUALIFIED'
export type RuleStatus = 'MISSED' | 'AT_RISK' | 'ON_TRACK' | 'MET' | 'UPCOMING'
export type RuleScope = 'BRANCH' | 'PARTY_GROUP' | 'MEMBER_PAIR'

export const ACTIVITY_TYPES: Record<ActivityType, string> = {
  BRANCH_GENERAL_MEETING: '支部党员大会', BRANCH_COMMITTEE_MEETING: '支委会', PARTY_GROUP_MEETING: '党小组会',
  PARTY_LECTURE: '党课', THEME_PARTY_DAY: '主题党日', ORGANIZATIONAL_LIFE_MEETING: '组织生活会',
  DEMOCRATIC_APPRAISAL: '民主评议党员', HEART_TO_HEART_TALK: '谈心谈话', VOLUNTEER_SERVICE: '双报到/志愿服务',
}
export const ACTIVITY_STATUS: Record<ActivityStatus, string> = {
  PLANNED: '计划中', HELD: '已召开', ARCHIVED: '已归档', CANCELLED: '已取消',
}
export const ATTENDANCE: Record<Attendance, string> = { PRESENT: '出席', ABSENT: '缺席', EXCUSED: '请假' }
export const RATINGS: Record<Rating, string> = {
  EXCELLENT: '优秀', QUALIFIED: '合格', BASICALLY_QUALIFIED: '基本合格', UNQUALIFIED: '不合格',
}
export const RULE_STATUS: Record<RuleStatus, string> = {
  MISSED: '未完成', AT_RISK: '临期未完成', ON_TRACK: '进行中', MET: '已完成', UPCOMING: '未开始',
}

export interface AttachmentMeta { name: string; contentType: string; size: number; storageKey: string }
export interface HeldRecord {
  heldAt: string; place: string; host: string; hostMemberId: string | null; lecturer: string | null
  lecturerMemberId: string | null; agenda: string[]; minutes: string | null; attachments: AttachmentMeta[]
}
export interface RecordVersion {
  number: number; record: HeldRecord; enteredBy: string; enteredAt: string; replacedBy: string; replacedAt: string
  reason: string | null
}
export interface AttendanceEntry {
  memberId: string; name: string; attendance: Attendance; reason: string | null; recordedBy: string; recordedAt: string
  selfCheckIn: boolean
}
export interface Appraisal { memberId: string; name: string; rating: Rating; ratedBy: string; ratedAt: string }
export interface VolunteerHours { memberId: string; name: string; hours: number }

export interface ActivityView {
  id: string; department: string; branchId: string; partyGroupId: string | null; types: ActivityType[]
  typeLabels: string[]; title: string; plannedAt: string | null; occursAt: string; status: ActivityStatus
  held: HeldRecord | null; minutesLength: number | null; recordedAt: string | null; recordedBy: string | null
  lateEntry: boolean; lateReason: string | null; multiPurpose: boolean; previousVersions: RecordVersion[]
  lastChangedAt: string | null; lastChangedBy: string | null; attendance: AttendanceEntry[]
  attendanceRate: number | null; checkInOpen: boolean; appraisals: Appraisal[]; volunteerHours: VolunteerHours[]
  cancelReason: string | null; createdAt: string; createdBy: string
}
export type ActivityPage = Page<ActivityView>

export interface HeldInput {
  heldAt: string; place: string; host: string; hostMemberId?: string | null; lecturer?: string | null
  lecturerMemberId?: string | null; agenda: string[]; minutes?: string | null
  attachments?: AttachmentMeta[]
}
export interface PlanActivity { branchId?: string; partyGroupId?: string | null; types: ActivityType[]; title: string; plannedAt: string }
export interface RecordActivity {
  branchId?: string; partyGroupId?: string | null; types: ActivityType[]; title: string; held: HeldInput
  lateReason?: string | null
}
export interface AttendanceLine { memberId: string; attendance: Attendance; reason?: string | null }

export interface MyAttendance {
  activityId: string; title: string; types: ActivityType[]; occursAt: string; lateEntry: boolean
  attendance: Attendance | null
}

export interface PartResult { period: string; unit: string; count: number; required: number; status: RuleStatus }
/** A rule's result in a branch (a cell of the department's matrix) ... */
export interface RuleLine {
  type: ActivityType; typeLabel: string; minCount: number; period: string; scope: RuleScope; condition: 'NONE' | 'SECRETARY_LECTURES' | null
  status: RuleStatus; parts: PartResult[]
}
/** ... and, in the branch's own view, with the records behind it */
export interface RuleView extends RuleLine { activityIds: string[] }
export interface Quality {
  sittings: number; attendanceRate: number | null; lateEntryShare: number | null; multiPurposeShare: number | null
  minutesPresentShare: number | null
}
export interface BranchCompliance {
  department: string; branchId: string; branchName: string; period: string; ruleSetVersion: number; rules: RuleView[]
  summary: Partial<Record<RuleStatus, number>>; quality: Quality
  qualityRecords: { lateEntries: string[]; multiPurpose: string[]; withoutMinutes: string[] }; evaluatedAt: string
}
export interface Notification {
  id: string; kind: string; message: string; branchId: string | null; activityId: string | null; createdAt: string
}

const base = '/api/activities'
export const activityApi = {
  list: (q: { branchId?: string; period?: string; status?: ActivityStatus; type?: ActivityType; page?: number; size?: number }) =>
    http.get<ActivityPage>(base, q),
  get: (id: string) => http.get<ActivityView>(`${base}/${encodeURIComponent(id)}`),
  plan: (r: PlanActivity) => http.post<ActivityView>(base, r),
  record: (r: RecordActivity) => http.post<ActivityView>(`${base}/records`, r),
  hold: (id: string, held: HeldInput, lateReason?: string | null) =>
    http.post<ActivityView>(`${base}/${encodeURIComponent(id)}/held`, { held, lateReason }),
  amend: (id: string, held: HeldInput, reason: string, lateReason?: string | null) =>
    http.put<ActivityView>(`${base}/${encodeURIComponent(id)}/record`, { held, reason, lateReason }),
  cancel: (id: string, reason: string) => http.post<ActivityView>(`${base}/${encodeURIComponent(id)}/cancel`, { reason }),
  attendance: (id: string, entries: AttendanceLine[]) =>
    http.put<ActivityView>(`${base}/${encodeURIComponent(id)}/attendance`, { entries }),
  openCheckIn: (id: string) => http.post<ActivityView>(`${base}/${encodeURIComponent(id)}/check-in/open`),
  closeCheckIn: (id: string) => http.post<ActivityView>(`${base}/${encodeURIComponent(id)}/check-in/close`),
  checkIn: (id: string) => http.post<ActivityView>(`${base}/${encodeURIComponent(id)}/check-in`),
  appraise: (id: string, memberId: string, rating: Rating) =>
    http.put<ActivityView>(`${base}/${encodeURIComponent(id)}/appraisals/${encodeURIComponent(memberId)}`, { rating }),
  myAttendance: (year: number) => http.get<MyAttendance[]>(`${base}/my-attendance`, { year }),
  notifications: () => http.get<Notification[]>(`${base}/notifications`),
  branchCompliance: (branchId: string, period: string) =>
    http.get<BranchCompliance>(`/api/compliance/branches/${encodeURIComponent(branchId)}`, { period }),
}

export type PeriodKind = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR'
export const PERIOD_KINDS: Record<PeriodKind, string> = { MONTH: '每月', QUARTER: '每季度', HALF_YEAR: '每半年', YEAR: '每年' }

/** One branch's line in a department table: counts of rules by status, and each rule's result. */
export interface BranchLine {
  branchId: string; branchName: string; summary: Partial<Record<RuleStatus, number>>; quality: Quality; rules: RuleLine[]
}
export interface DepartmentCompliance {
  department: string; period: string; branches: BranchLine[]; summary: Partial<Record<RuleStatus, number>>; quality: Quality
}
export interface DepartmentLine { department: string; branches: number; summary: Partial<Record<RuleStatus, number>>; quality: Quality }
export interface CityCompliance {
  period: string; departments: DepartmentLine[]; summary: Partial<Record<RuleStatus, number>>; quality: Quality
  branches: number; evaluatedAt: string
}
export interface Backfill { enteredBy: string; from: string; to: string; activityIds: string[]; branchIds: string[] }
export interface Rule { type: ActivityType; minCount: number; period: PeriodKind; scope: RuleScope | null; condition: string | null }
export interface RuleSet {
  id: string; owner: string; year: number; version: number; lateEntryDays: number; warningDays: Partial<Record<PeriodKind, number>>
  lateEntryWeight: number | null; multiPurposeWeight: number | null; rules: Rule[]; publishedBy: string; publishedAt: string
  laxerApproval: { reason: string; approvedBy: string; approvedAt: string } | null
}

export const complianceApi = {
  department: (department: string, period: string) =>
    http.get<DepartmentCompliance>(`/api/compliance/departments/${encodeURIComponent(department)}`, { period }),
  city: (period: string) => http.get<CityCompliance>('/api/compliance/city', { period }),
  backfills: (year: number) => http.get<Backfill[]>(`${base}/backfills`, { year }),
  rules: (year: number, department?: string) => http.get<RuleSet>('/api/compliance/rules', { year, department }),
  ruleVersions: (owner: string, year: number) =>
    http.get<RuleSet[]>(`/api/compliance/rules/${encodeURIComponent(owner)}/${year}/versions`),
  /** a new version of the city default (the work committee) or of a department's override (its admin, or the committee) */
  publishRules: (owner: string, year: number, r: { lateEntryDays: number; rules: Rule[]; laxerApprovalReason: string | null }) => http.post<RuleSet>(`/api/compliance/rules/${encodeURIComponent(owner)}/${year}`, r),
  departmentLedger: (department: string, year: number, format: 'xlsx' | 'docx') =>
    download(`${base}/ledger/departments/${encodeURIComponent(department)}`, { year, format }, `组织生活记录台账-${department}-${year}.${format}`),
}
