/** org-service: members, organizations, dues, transfers. Money arrives in yuan (BigDecimal); pages format it from fen. */
import { download, http, upload, type Page } from './http'
import type { MemberReminder } from '@/lib/reminders'

export type MemberStatus = 'PROBATIONARY' | 'FULL' | 'TRANSFERRED_OUT' | 'SUSPENDED' | 'DECEASED' | 'EXPELLED'
export type Gender = 'MALE' | 'FEMALE'
export type PartyAffairsCadre = 'NONE' | 'FULL_TIME' | 'PART_TIME'
export type ArrearsLevel = 'NONE' | 'WARNING' | 'LAPSE_REVIEW'
export type DuesCategory = 'EMPLOYED' | 'RETIRED' | 'STUDENT' | 'UNEMPLOYED' | 'HARDSHIP'
export type TransferStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CANCELLED'
export type TransferDirection = 'INCOMING' | 'OUTGOING'

export const DUES_CATEGORIES: Record<DuesCategory, string> = { EMPLOYED: '在职', RETIRED: '离退休', STUDENT: '学生', UNEMPLOYED: '无固定收入', HARDSHIP: '生活困难' }
export const ARREARS: Record<ArrearsLevel, string> = { NONE: '正常', WARNING: '欠缴预警', LAPSE_REVIEW: '欠缴待审查（自行脱党）' }
export const TRANSFER_STATUS: Record<TransferStatus, string> = {
  PENDING: '待接收', ACCEPTED: '已接收', REJECTED: '已退回', CANCELLED: '已撤销',
}

export interface InfluencePeriod {
  sanctionId: string; type: string; decidedOn: string; influenceUntil: string; revokedOn: string | null
}
export interface MemberView {
  id: string; department: string; branchId: string; partyGroupId: string | null; name: string; gender: Gender
  ethnicity: string; birthDate: string; nationalId: string; education: string | null; post: string | null
  joinedOn: string; status: MemberStatus; statusLabel: string; probationEndsOn: string | null
  probationExtended: boolean; leadingCadre: boolean; partyAffairsCadre: PartyAffairsCadre; phone: string | null
  email: string | null; address: string | null; accountSubject: string | null; pendingTransferId: string | null
  inInfluencePeriod: boolean; influencePeriods: InfluencePeriod[]
}
export type MemberPage = Page<MemberView>
export interface ContactInput { phone: string | null; email: string | null; address: string | null }

export interface OrganizationView {
  id: string; department: string; type: string; typeLabel: string; name: string; code: string | null
  foundedOn: string | null; parentId: string | null
  ancestors: string[]; status: string; createdAt: string; dissolvedAt: string | null
}

export interface BaseView {
  effectiveFrom: string; category: DuesCategory; income: number; monthly: number; declaredAt: string; declaredBy: string
}
export interface PaymentView { month: string; amount: number; paidAt: string; recordedBy: string; byCadre: boolean }
export interface DuesAccount {
  memberId: string; name: string; department: string; branchId: string; currentMonthly: number | null
  unpaidMonths: number; arrearsLevel: ArrearsLevel; arrearsReason: string | null; bases: BaseView[]
  payments: PaymentView[]
}
export interface DuesCollection {
  branchId: string; members: number; paidMembers: number; due: number; paid: number; outstanding: number
}
export interface ArrearsLine {
  memberId: string; name: string; branchId: string; unpaidMonths: number; level: ArrearsLevel; reason: string | null
}
export interface DuesReport { department: string; month: string; branches: DuesCollection[]; total: DuesCollection }

export interface Transfer {
  id: string; memberId: string; memberName: string; fromDepartment: string; fromBranchId: string; toDepartment: string
  toBranchId: string; toBranchName: string; status: TransferStatus; reason: string | null; startedAt: string
  startedBy: string; decidedAt: string | null; decidedBy: string | null; decisionNote: string | null
}

export const orgApi = {
  me: () => http.get<MemberView>('/api/org/members/me'),
  /** the caller's own dues reminders (this month's dues in its last days, arrears) */
  notifications: () => http.get<MemberReminder[]>('/api/org/notifications/mine'),
  changeMyContact: (c: ContactInput) => http.put<MemberView>('/api/org/members/me/contact', c),
  members: (q: { branchId?: string; name?: string; status?: MemberStatus; page?: number; size?: number; sort?: string }) =>
    http.get<MemberPage>('/api/org/members', q),
  member: (id: string) => http.get<MemberView>(`/api/org/members/${encodeURIComponent(id)}`),
  organization: (id: string) => http.get<OrganizationView>(`/api/org/organizations/${encodeURIComponent(id)}`),
  organizations: (department?: string) => http.get<OrganizationView[]>('/api/org/organizations', { department }),
  myDues: () => http.get<DuesAccount>('/api/org/dues/me'),
  payMyDues: (month: string) => http.post<DuesAccount>('/api/org/dues/me/payments', { month }),
  duesOf: (memberId: string) => http.get<DuesAccount>(`/api/org/dues/${encodeURIComponent(memberId)}`),
  recordPayment: (memberId: string, month: string) =>
    http.post<DuesAccount>(`/api/org/dues/${encodeURIComponent(memberId)}/payments`, { month }),
  duesReport: (month: string) => http.get<DuesReport>('/api/org/dues/report', { month }),
  transfers: (q: { direction?: TransferDirection; status?: TransferStatus }) => http.get<Transfer[]>('/api/org/transfers', q),
  startTransfer: (r: { memberId: string; toBranchId: string; reason?: string }) => http.post<Transfer>('/api/org/transfers', r),
  acceptTransfer: (id: string, note?: string) =>
    http.post<Transfer>(`/api/org/transfers/${encodeURIComponent(id)}/accept`, { note }),
  rejectTransfer: (id: string, note?: string) =>
    http.post<Transfer>(`/api/org/transfers/${encodeURIComponent(id)}/reject`, { note }),
}

export type OrganizationType = 'ORGAN_COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'PARTY_GROUP'
export const ORGANIZATION_TYPES: Record<OrganizationType, string> = { ORGAN_COMMITTEE: '机关党委', GENERAL_BRANCH: '党总支', BRANCH: '党支部', PARTY_GROUP: '党小组' }
export interface SizeFlag { flag: string; label: string }
/** An organization on the tree: a branch also carries its size and the structural rules it breaks. */
export interface TreeOrganization extends OrganizationView {
  size: { fullMembers: number; members: number; flags: SizeFlag[] } | null
}
export interface RowError { row: number; column: string | null; reason: string }
/** What every .xlsx import answers: stored (all rows) or not (none), the data rows read, every refused cell. */
export interface ImportOutcome { imported: boolean; rows: number; errors: RowError[] }
export interface ImportReport extends ImportOutcome { memberIds: string[] }
/** The tree and dues-base imports' answer: `created` rows new or changed, `unchanged` rows already so. */
export interface SheetReport extends ImportOutcome { created: number; unchanged: number; ids: string[] }
function sheet(file: File): FormData {
  const form = new FormData()
  form.append('file', file)
  return form
}
export interface MemberFilter {
  department?: string; name?: string; branchId?: string; status?: MemberStatus; joinedFrom?: string; joinedTo?: string
}

export type ScoreItem = 'COMPLIANCE' | 'QUALITY' | 'STUDY' | 'TERM_ON_TIME' | 'COMMITTEE_COMPLETE' | 'DUES' | 'SANCTIONS'
  | 'ACCOUNTABILITY' | 'LATE_ENTRY'
export const SCORE_ITEMS: Record<ScoreItem, string> = {
  COMPLIANCE: '组织生活落实', QUALITY: '组织生活质量', STUDY: '学习教育', TERM_ON_TIME: '按期换届',
  COMMITTEE_COMPLETE: '班子健全', DUES: '党费收缴', SANCTIONS: '党纪处分扣分', ACCOUNTABILITY: '问责扣分', LATE_ENTRY: '补录扣分',
}
export interface ScorecardItem { item: ScoreItem; points: number; max: number; basis: string; facts: Record<string, string[]> }
export interface Scorecard {
  branchId: string; branchName: string; department: string; year: number; rulesVersion: number; items: ScorecardItem[]
  total: number; maxTotal: number; stars: number; weak: boolean; weakReasons: { criterion: string; label: string; detail: string }[]
}
export interface Ranked { rank: number; scorecard: Scorecard }
export interface ScoreComparison {
  branchId: string; year: number; previousYear: number; total: number; previousTotal: number; change: number; stars: number
  previousStars: number; items: { item: ScoreItem; points: number; previousPoints: number; change: number }[]
}
export interface DepartmentRank {
  rank: number; department: string; name: string; branches: number; averageTotal: number
  branchesByStars: Record<string, number>; businessScore: number | null; businessRank: number | null; rankDifference: number | null
}
export interface Department { code: string; name: string; staffHeadcount: number; registeredAt: string; partyAffairsCadres: unknown }

const enc = encodeURIComponent
export const orgAdminApi = {
  tree: (department?: string) => http.get<TreeOrganization[]>('/api/org/organizations', { department }),
  createOrganization: (r: { department: string; type: OrganizationType; name: string; parentId: string | null }) =>
    http.post<OrganizationView>('/api/org/organizations', r),
  renameOrganization: (id: string, name: string) => http.put<OrganizationView>(`/api/org/organizations/${enc(id)}/name`, { name }),
  moveOrganization: (id: string, parentId: string) =>
    http.put<OrganizationView>(`/api/org/organizations/${enc(id)}/parent`, { parentId }),
  dissolveOrganization: (id: string) => http.del<OrganizationView>(`/api/org/organizations/${enc(id)}`),
  searchMembers: (f: MemberFilter & { page: number; size: number; sort?: string }) => http.get<MemberPage>('/api/org/members', { ...f }),
  exportMembers: (f: MemberFilter) => download('/api/org/members/export', { ...f }, '党员名册.xlsx'),
  /** the import's template, with the department's branches and Party groups by the names the import looks up */
  rosterTemplate: () => download('/api/org/members/import/template', undefined, '党员名册导入模板.xlsx'),
  importRoster: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return upload<ImportReport>('/api/org/members/import', form, [422])
  },
  treeTemplate: () => download('/api/org/organizations/import/template', undefined, '组织架构导入模板.xlsx'),
  importTree: (file: File) => upload<SheetReport>('/api/org/organizations/import', sheet(file), [422]),
  duesBaseTemplate: (year: number) => download('/api/org/dues/bases/import/template', { year }, `${year}年度党费基数申报模板.xlsx`),
  /** one branch (with what lies below it) or, without `organization`, the whole department */
  importDuesBases: (year: number, organization: string | null, file: File) =>
    upload<SheetReport>(`/api/org/dues/bases/import?year=${year}${organization ? `&organization=${enc(organization)}` : ''}`, sheet(file), [422]),
  conversionsDue: (withinDays: number, department?: string) =>
    http.get<MemberView[]>('/api/org/members/conversions-due', { withinDays, department }),
  politicalBirthdays: (month: number, department?: string) =>
    http.get<MemberView[]>('/api/org/members/political-birthdays', { month, department }),
  departments: () => http.get<Department[]>('/api/org/departments'),
  admit: (m: AdmitMember) => http.post<MemberView>('/api/org/members', m),
  cancelTransfer: (id: string) => http.post<Transfer>(`/api/org/transfers/${enc(id)}/cancel`),
  changeStatus: (id: string, status: MemberStatus) => http.post<MemberView>(`/api/org/members/${enc(id)}/status`, { status }),
  extendProbation: (id: string, months: number) => http.post<MemberView>(`/api/org/members/${enc(id)}/probation-extension`, { months }),
  /** 批量开通: a branch (and what lies below it) or the whole department; the answer is the .xlsx of one-time passwords */
  provisionAll: (scope: { organization: string } | { department: true }) =>
    download('/api/org/accounts/provision', undefined, '账号开通-初始密码.xlsx', scope),
  provisionAccount: (id: string, a: { username: string; email?: string }) =>
    http.post<{ memberId: string; accountSubject: string; username: string; temporaryPassword: string }>(`/api/org/members/${enc(id)}/account`, a),
  scoringRules: (year: number) => http.get<ScoringRules>(`/api/org/scorecards/rules/${year}`),
  /** the members in arrears now (3 months: warning; 6 without a reason: lapse review), with the reason recorded */
  arrears: (department?: string) => http.get<ArrearsLine[]>('/api/org/dues/arrears', { department }),
  declareBase: (memberId: string, b: { category: DuesCategory; income: string; effectiveFrom: string }) =>
    http.put<DuesAccount>(`/api/org/dues/${enc(memberId)}/base`, b),
  explainArrears: (memberId: string, reason: string) => http.put<DuesAccount>(`/api/org/dues/${enc(memberId)}/arrears-reason`, { reason }),
  ranking: (department: string, year: number) => http.get<Ranked[]>(`/api/org/scorecards/rankings/departments/${enc(department)}`, { year }),
  exportRanking: (department: string, year: number) =>
    download(`/api/org/scorecards/rankings/departments/${enc(department)}/export`, { year }, `支部考核排名-${department}-${year}.xlsx`),
  scorecard: (branchId: string, year: number) => http.get<Scorecard>(`/api/org/scorecards/branches/${enc(branchId)}`, { year }),
  comparison: (branchId: string, year: number) =>
    http.get<ScoreComparison>(`/api/org/scorecards/branches/${enc(branchId)}/comparison`, { year }),
  weakBranches: (year: number, department?: string) => http.get<Scorecard[]>('/api/org/scorecards/weak-branches', { year, department }),
  cityRanking: (year: number) => http.get<DepartmentRank[]>('/api/org/scorecards/rankings/city', { year }),
}

export type CommitteePost = 'SECRETARY' | 'DEPUTY_SECRETARY' | 'ORGANIZATION' | 'PUBLICITY' | 'DISCIPLINE'
export const COMMITTEE_POSTS: Record<CommitteePost, string> = {
  SECRETARY: '书记', DEPUTY_SECRETARY: '副书记', ORGANIZATION: '组织委员', PUBLICITY: '宣传委员', DISCIPLINE: '纪检委员',
}
export type TermState = 'CURRENT' | 'ENDING_SOON' | 'OVERDUE'
export const TERM_STATES: Record<TermState, string> = { CURRENT: '任期内', ENDING_SOON: '90天内到期', OVERDUE: '已超期' }
export interface TermDue { organizationId: string; department: string; termEnd: string; state: TermState }
export interface CommitteeView {
  organizationId: string; department: string
  current: { termStart: string; termEnd: string; posts: { post: CommitteePost; memberId: string }[]; state: TermState } | null
  history: unknown[]
}
export type GrantedRole = 'DEPT_ADMIN' | 'INSPECTOR' | 'BRANCH_SECRETARY'
export const GRANTED_ROLES: Record<GrantedRole, string> = { DEPT_ADMIN: '部门管理员', INSPECTOR: '纪检干部', BRANCH_SECRETARY: '支部书记' }
export const GRANT_CAUSES: Record<string, string> = {
  WORK_COMMITTEE: '工委决定', ELECTION: '换届选举', REMOVAL_FROM_POSTS: '撤销党内职务', POSTS_RESTORED: '处分撤销，恢复职务',
  ACCOUNT_PROVISIONED: '开通账号后补授',
}
export interface RoleGrant {
  id: string; department: string; memberId: string | null; memberName: string | null; role: GrantedRole; scope: string | null
  action: 'GRANTED' | 'WITHDRAWN'; cause: string; reason: string | null; by: string; at: string; applied: boolean
}
export const roleGrantApi = {
  list: (department?: string) => http.get<RoleGrant[]>('/api/org/role-grants', { department }),
  grant: (g: { member: string; department: string; role: GrantedRole; jurisdiction?: string; reason: string }) =>
    http.post<RoleGrant>('/api/org/role-grants', g),
  withdraw: (w: { member: string; department: string; role: GrantedRole; reason: string }) =>
    http.post<RoleGrant>('/api/org/role-grants/withdrawals', w),
}

export const committeeApi = {
  termsDue: (department?: string) => http.get<TermDue[]>('/api/org/committees/terms-due', { department }),
  elect: (organizationId: string, e: { termStart: string; posts: { post: CommitteePost; memberId: string }[] }) =>
    http.put<CommitteeView>(`/api/org/organizations/${encodeURIComponent(organizationId)}/committee`, e),
}

export interface ScoringRules {
  year: number; version: number; complianceWeight: number; qualityWeight: number; studyWeight: number; termOnTimeWeight: number
  committeeCompleteWeight: number; duesWeight: number; duesArrearsDeduction: number; sanctionDeduction: number
  accountabilityDeduction: number; lateEntryDeduction: number; starThresholds: number[]; weakBranch: Record<string, number | boolean>
}

export interface AdmitMember {
  branchId: string; partyGroupId: string | null; status: 'PROBATIONARY' | 'FULL'
  profile: { name: string; gender: Gender; ethnicity: string; birthDate: string; nationalId: string; education: string | null
    post: string | null; joinedOn: string; leadingCadre: boolean; partyAffairsCadre: PartyAffairsCadre }
  contact: ContactInput | null
}
