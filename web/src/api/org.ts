/** org-service: members, organizations, dues, transfers. Money arrives in yuan (BigDecimal); pages format it from fen. */
import { http } from './http'
import type { MemberReminder } from '@/lib/reminders'

export type MemberStatus = 'PROBATIONARY' | 'FULL' | 'TRANSFERRED_OUT' | 'SUSPENDED' | 'DECEASED'
export type Gender = 'MALE' | 'FEMALE'
export type PartyAffairsCadre = 'NONE' | 'FULL_TIME' | 'PART_TIME'
export type ArrearsLevel = 'NONE' | 'WARNING' | 'LAPSE_REVIEW'
export type DuesCategory = 'EMPLOYED' | 'RETIRED' | 'STUDENT' | 'UNEMPLOYED' | 'HARDSHIP'
export type TransferStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CANCELLED'
export type TransferDirection = 'INCOMING' | 'OUTGOING'

export const ARREARS: Record<ArrearsLevel, string> = { NONE: '正常', WARNING: '欠缴预警（满3个月）', LAPSE_REVIEW: '欠缴满6个月（待审查）' }
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
export interface MemberPage { content: MemberView[]; totalElements: number; page: number; size: number }
export interface ContactInput { phone: string | null; email: string | null; address: string | null }

export interface OrganizationView {
  id: string; department: string; type: string; typeLabel: string; name: string; parentId: string | null
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
