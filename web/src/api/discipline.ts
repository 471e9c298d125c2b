/**
 * discipline-service. Only inspectors read discipline records; the one call open to everyone signed in is the status
 * of an anonymous lead by its receipt code. The inspector workspace adds its calls here.
 */
import { http } from './http'

export interface ReceiptStatus { status: string }

export const disciplineApi = {
  receiptStatus: (code: string) => http.post<ReceiptStatus>('/api/discipline/lead-receipts/status', { code }),
}

export type LeadSource = 'PETITION_REPORT' | 'INSPECTION' | 'PATROL_INSPECTION' | 'AUDIT' | 'OTHER'
export const LEAD_SOURCES: Record<LeadSource, string> = {
  PETITION_REPORT: '信访举报', INSPECTION: '监督检查', PATROL_INSPECTION: '巡察', AUDIT: '审计', OTHER: '其他',
}
/** 四种形态: the form of an outcome (1 批评教育等 … 4 严重违纪涉嫌违法). */
export const FORMS: Record<number, string> = { 1: '第一种形态', 2: '第二种形态', 3: '第三种形态', 4: '第四种形态' }
export interface FormCounts {
  department: string; received: number; bySource: Partial<Record<LeadSource, number>>; decided: number
  byForm: Partial<Record<number, number>>; byOutcome: Record<string, number>
}
export interface FormReport { from: string; to: string; departments: FormCounts[]; total: FormCounts }

export const statisticsApi = {
  forms: (from: string, to: string, department?: string) =>
    http.get<FormReport>('/api/discipline/statistics/forms', { from, to, department }),
}

export type LeadState = 'RECEIVED' | 'INQUIRY' | 'PRELIMINARY_VERIFICATION' | 'SET_ASIDE' | 'CONCLUDED' | 'CASE_FILED' | 'DECIDED' | 'CLOSED'
export const LEAD_STATES: Record<LeadState, string> = {
  RECEIVED: '已受理', INQUIRY: '谈话函询', PRELIMINARY_VERIFICATION: '初步核实', SET_ASIDE: '暂存待查', CONCLUDED: '予以了结',
  CASE_FILED: '立案审查', DECIDED: '已作出处理', CLOSED: '已办结',
}
export type Outcome = 'REMINDER_TALK' | 'CRITICISM' | 'WRITTEN_SELF_EXAMINATION' | 'ADMONISHMENT' | 'WARNING' | 'SERIOUS_WARNING'
  | 'REMOVAL_FROM_POSTS' | 'PROBATION' | 'EXPULSION' | 'CASE_TRANSFER'
/** Each outcome with its label and its form (四种形态). */
export const OUTCOMES: Record<Outcome, { label: string; form: number }> = {
  REMINDER_TALK: { label: '提醒谈话', form: 1 }, CRITICISM: { label: '批评教育', form: 1 },
  WRITTEN_SELF_EXAMINATION: { label: '责令检查', form: 1 }, ADMONISHMENT: { label: '诫勉', form: 1 },
  WARNING: { label: '警告', form: 2 }, SERIOUS_WARNING: { label: '严重警告', form: 2 },
  REMOVAL_FROM_POSTS: { label: '撤销党内职务', form: 3 }, PROBATION: { label: '留党察看', form: 3 },
  EXPULSION: { label: '开除党籍', form: 3 }, CASE_TRANSFER: { label: '严重违纪涉嫌违法移送', form: 4 },
}
export interface LeadListItem {
  id: string; department: string; source: LeadSource; sourceLabel: string; state: LeadState; stateLabel: string
  receivedOn: string; handlerName: string; anonymous: boolean; inquiryDueOn: string | null; inquiryOverdue: boolean
}
export interface LeadStep { from: LeadState | null; to: LeadState; reason: string; outcome: Outcome | null; actorName: string; at: string }
export interface LeadDetail {
  id: string; department: string; source: LeadSource; sourceLabel: string; subjectMemberIds: string[]
  subjectOrganizationId: string | null; summary: string; receivedOn: string; handlerName: string; anonymous: boolean
  hasNamedReporter: boolean; state: LeadState; stateLabel: string; allowedNext: LeadState[]; outcome: Outcome | null
  form: number | null; decidedOn: string | null; inquiryDueOn: string | null; inquiryRepliedOn: string | null
  inquiryOverdue: boolean; steps: LeadStep[]; receiptCode: string | null; reveal: RevealView | null
  /** the inspector a change of handler was offered to, until it accepts */
  offeredToName: string | null
}
/** A request to see the named reporter: asked by the handler, decided by a second inspector, one reveal per approval. */
export interface RevealView {
  status: 'PENDING' | 'APPROVED' | 'REFUSED' | 'USED'; requesterName: string; reason: string; requestedAt: string
  deciderName: string | null; decision: string | null; decidedAt: string | null
}
export interface NewLead {
  department?: string; source: LeadSource; subjectMemberIds: string[]; subjectOrganizationId?: string | null; summary: string
  receivedOn: string; reporter: { name: string; contact: string } | null
}
export interface Inspector { id: string; name: string }
export interface RosterMember { memberId: string; department: string; branchId: string; name: string; status: string }
export interface AuditEntry {
  seq: number; at: string; actorName: string; action: string; targetType: string; targetId: string; department: string; detail: string | null
}
export interface Verification { intact: boolean; entriesChecked: number; firstBreak: { seq: number; entryId: string; reason: string } | null }

const d = '/api/discipline'
const enc = encodeURIComponent
export const leadApi = {
  list: (q: { department?: string; state?: LeadState }) => http.get<LeadListItem[]>(`${d}/leads`, q),
  create: (l: NewLead) => http.post<LeadDetail>(`${d}/leads`, l),
  get: (id: string) => http.get<LeadDetail>(`${d}/leads/${enc(id)}`),
  reporter: (id: string) => http.get<{ name: string; contact: string }>(`${d}/leads/${enc(id)}/reporter`),
  requestReveal: (id: string, reason: string) => http.post<RevealView>(`${d}/leads/${enc(id)}/reveal-request`, { reason }),
  decideReveal: (id: string, approve: boolean, reason: string) =>
    http.post<RevealView>(`${d}/leads/${enc(id)}/reveal-request/decision`, { approve, reason }),
  transition: (id: string, t: { to: LeadState; reason: string; outcome: Outcome | null }) => http.post<LeadDetail>(`${d}/leads/${enc(id)}/transitions`, t),
  handOver: (id: string, h: { handler: string; handlerName: string; reason: string }) => http.post<LeadDetail>(`${d}/leads/${enc(id)}/handler`, h),
  acceptHandover: (id: string) => http.post<LeadDetail>(`${d}/leads/${enc(id)}/handler/acceptance`),
  /** the inspectors who have handled or acted on the department's records: those a lead can be handed to */
  inspectors: (department?: string) => http.get<Inspector[]>(`${d}/inspectors`, { department }),
  inquiryReply: (id: string, repliedOn: string) => http.post<LeadDetail>(`${d}/leads/${enc(id)}/inquiry-reply`, { repliedOn }),
  rosterMembers: (department?: string) => http.get<RosterMember[]>(`${d}/roster/members`, { department }),
}
export const auditApi = {
  entries: (targetId: string) => http.get<AuditEntry[]>(`${d}/audit/entries`, { targetId }),
  verify: () => http.get<Verification>(`${d}/audit/verification`),
}

export type SanctionType = 'ADMONISHMENT' | 'WARNING' | 'SERIOUS_WARNING' | 'REMOVAL_FROM_POSTS' | 'PROBATION' | 'EXPULSION'
export interface SanctionSummary {
  id: string; department: string; memberId: string; branchId: string; type: SanctionType; typeLabel: string; form: number
  decidedOn: string; influenceUntil: string; inForce: boolean; status: 'ACTIVE' | 'REVOKED' | string
}
export interface SanctionView extends SanctionSummary {
  leadId: string | null; probationMonths: number | null; influenceFrom: string; revokedOn: string | null; changes: unknown[]
}
export interface SanctionInput { type: SanctionType; decidedOn: string; probationMonths: number | null }
export const sanctionApi = {
  list: (q: { department?: string; memberId?: string }) => http.get<SanctionSummary[]>(`${d}/sanctions`, q),
  get: (id: string) => http.get<SanctionView>(`${d}/sanctions/${enc(id)}`),
  impose: (s: SanctionInput & { department?: string; memberId: string; leadId?: string | null }) => http.post<SanctionView>(`${d}/sanctions`, s),
  correct: (id: string, s: SanctionInput & { reason: string }) => http.post<SanctionView>(`${d}/sanctions/${enc(id)}/corrections`, s),
  revoke: (id: string, revokedOn: string, reason: string) => http.post<SanctionView>(`${d}/sanctions/${enc(id)}/revocation`, { revokedOn, reason }),
}

export type SupervisionKind = 'INTEGRITY_TALK' | 'FOLLOW_UP_VISIT' | 'SUPERVISION_CARD'
export const SUPERVISION_KINDS: Record<SupervisionKind, string> = { INTEGRITY_TALK: '廉政谈话', FOLLOW_UP_VISIT: '巡查回访', SUPERVISION_CARD: '廉政监督卡' }
export interface Coverage {
  department: string; kind: SupervisionKind; year: number; target: number; covered: number; ratePercent: number; targetMet: boolean
}
export type RiskLevel = 'HIGH' | 'MEDIUM' | 'LOW'
export const RISK_LEVELS: Record<RiskLevel, string> = { HIGH: '高', MEDIUM: '中', LOW: '低' }
export interface RiskPoint {
  id: string; department: string; post: string; description: string; level: RiskLevel; measures: string; owner: string
  nextReviewOn: string; lastReviewedOn: string | null; reviewOverdue: boolean; reviews: unknown[]
}
export interface Reassessment { year: number; total: number; reviewed: number; pending: RiskPoint[] }
export interface SupervisionRecord {
  id: string; department: string; kind: SupervisionKind; heldOn: string; year: number; coveredIds: string[]; note: string | null
  recordedBy: string; createdAt: string
}
export const supervisionApi = {
  record: (r: { department?: string; kind: SupervisionKind; heldOn: string; coveredIds: string[]; note: string }) =>
    http.post<SupervisionRecord>(`${d}/supervision`, r),
  records: (year: number, kind?: SupervisionKind) => http.get<SupervisionRecord[]>(`${d}/supervision`, { year, kind }),
  coverage: (year: number, department?: string) => http.get<Coverage[]>(`${d}/supervision/coverage`, { year, department }),
  riskPoints: (department?: string) => http.get<RiskPoint[]>(`${d}/risk-points`, { department }),
  reassessment: (year: number, department?: string) => http.get<Reassessment>(`${d}/risk-points/reassessment`, { year, department }),
  review: (id: string, r: { result: 'CONFIRMED' | 'CHANGED'; note: string }) => http.post<RiskPoint>(`${d}/risk-points/${enc(id)}/reviews`, r),
  createRiskPoint: (r: { post: string; description: string; level: RiskLevel; measures: string; owner: string; nextReviewOn: string }) =>
    http.post<RiskPoint>(`${d}/risk-points`, r),
}

export type RectificationSource = 'PATROL_INSPECTION' | 'INSPECTION' | 'AUDIT'
export const RECTIFICATION_SOURCES: Record<RectificationSource, string> = { PATROL_INSPECTION: '巡察', INSPECTION: '监督检查', AUDIT: '审计' }
export type Escalation = 'NONE' | 'DEPARTMENT' | 'WORK_COMMITTEE'
export const ESCALATIONS: Record<Escalation, string> = { NONE: '—', DEPARTMENT: '已提级至部门', WORK_COMMITTEE: '已提级至工委' }
export interface RectificationItem {
  id: string; department: string; source: RectificationSource; problem: string; foundOn: string; measure: string; owner: string
  deadline: string; evidence: { description: string; submitterName: string; at: string }[]; status: 'OPEN' | 'CLOSED'
  signOff: { reviewerName: string; reviewNote: string; at: string } | null; reopenCount: number; overdue: boolean; daysOverdue: number
  escalation: Escalation; history: { kind: string; actorName: string; note: string | null; at: string }[]
}
export const rectificationApi = {
  list: (q: { status?: 'OPEN' | 'CLOSED' }) => http.get<RectificationItem[]>(`${d}/rectifications`, q),
  get: (id: string) => http.get<RectificationItem>(`${d}/rectifications/${enc(id)}`),
  /** the overdue items and whom they are escalated to (also read by the department's Party committee and the work committee) */
  overdue: () => http.get<RectificationItem[]>(`${d}/rectifications/overdue`),
  create: (r: { department?: string; source: RectificationSource; problem: string; foundOn: string; measure: string; owner: string; deadline: string }) =>
    http.post<RectificationItem>(`${d}/rectifications`, r),
  evidence: (id: string, description: string) => http.post<RectificationItem>(`${d}/rectifications/${enc(id)}/evidence`, { description }),
  closeOut: (id: string, reviewNote: string) => http.post<RectificationItem>(`${d}/rectifications/${enc(id)}/close-out`, { reviewNote }),
  reopen: (id: string, reason: string, deadline: string) => http.post<RectificationItem>(`${d}/rectifications/${enc(id)}/reopen`, { reason, deadline }),
}

/** The audit trail's actions in words (an action not listed shows its code). */
export const AUDIT_ACTIONS: Record<string, string> = {
  'lead.created': '登记线索', 'lead.read': '查看线索', 'lead.transition': '处置', 'lead.handler.changed': '更换承办人',
  'lead.inquiry.replied': '登记函询回复', 'lead.reporter.revealed': '查看实名举报人', 'lead.reporter.refused': '查看举报人被拒',
  'lead.reporter.revealRequested': '申请查看实名举报人', 'lead.reporter.revealApproved': '批准查看实名举报人',
  'lead.reporter.revealRefused': '不批准查看实名举报人',
  'lead.receipt.checked': '查询码查询', 'lead.handover.offered': '移交承办人', 'lead.reporter.resealed': '举报人信息换密钥',
  'sanction.imposed': '给予处分', 'sanction.read': '查看处分', 'sanction.corrected': '更正处分', 'sanction.revoked': '撤销处分',
  'rectification.created': '登记整改问题', 'rectification.evidence': '提交整改佐证', 'rectification.closedOut': '销号验收',
  'rectification.reopened': '重新整改', 'riskPoint.created': '登记风险点', 'supervision.recorded': '记录日常监督',
  'accountability.recorded': '记录问责', 'accountability.read': '查看问责', 'notice.published': '发布通报',
}

export type AccountabilityKind = 'WRITTEN_EXAMINATION' | 'CIRCULATED_CRITICISM' | 'REORGANIZATION'
export const ACCOUNTABILITY_KINDS: Record<AccountabilityKind, string> = { WRITTEN_EXAMINATION: '责令作出书面检查', CIRCULATED_CRITICISM: '通报批评', REORGANIZATION: '改组' }
export interface AccountabilitySummary { id: string; department: string; organizationId: string; kind: AccountabilityKind; decidedOn: string }
export type NoticeAudience = 'ALL' | 'DEPARTMENT' | 'LEADING_CADRES' | 'NEW_MEMBERS'
export interface NoticeView { id: string; department: string | null; title: string; summary: string; audience: NoticeAudience; publishedAt: string }
export const accountabilityApi = {
  list: () => http.get<AccountabilitySummary[]>(`${d}/accountability`),
  create: (a: { organizationId: string; kind: AccountabilityKind; decidedOn: string; reason: string }) => http.post<AccountabilitySummary>(`${d}/accountability`, a),
  organizations: (department?: string) =>
    http.get<{ id: string; department: string; type: string; name: string; status: string }[]>(`${d}/roster/organizations`, { department }),
  publishNotice: (n: { department?: string | null; title: string; summary: string; audience: NoticeAudience }) => http.post<NoticeView>(`${d}/notices`, n),
  notices: () => http.get<NoticeView[]>(`${d}/notices`),
}
