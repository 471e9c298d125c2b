/** study-service: materials, progress and credit hours, plans and assignments, exams. */
import { call, http, type Answer, type Page } from './http'
import type { MemberReminder } from '@/lib/reminders'

export type Category = 'PARTY_CONSTITUTION' | 'INNOVATIVE_THEORY' | 'PARTY_HISTORY' | 'INTEGRITY' | 'PROFESSIONAL'
export type Audience = 'ALL' | 'DEPARTMENT' | 'LEADING_CADRES' | 'NEW_MEMBERS'
export type MaterialKind = 'TEXT' | 'DOCUMENT_LINK' | 'VIDEO_LINK'
export type QuestionType = 'SINGLE' | 'MULTIPLE' | 'TRUE_FALSE'
export type AttemptStatus = 'IN_PROGRESS' | 'SUBMITTED'
export type PlanKind = 'CENTRAL_GROUP' | 'BRANCH_WEEKLY'

export const AUDIENCES: Record<Audience, string> = { ALL: '全体党员', DEPARTMENT: '本部门党员', LEADING_CADRES: '领导干部', NEW_MEMBERS: '新党员' }
export const PLAN_KINDS: Record<PlanKind, string> = { CENTRAL_GROUP: '理论学习中心组学习', BRANCH_WEEKLY: '支部周学' }
export const QUESTION_TYPES: Record<QuestionType, string> = { SINGLE: '单选题', MULTIPLE: '多选题', TRUE_FALSE: '判断题' }

export interface MaterialView {
  id: string; department: string | null; branchId: string | null; audience: Audience; title: string; kind: MaterialKind
  body: string | null; url: string | null; category: Category; categoryLabel: string; required: boolean
  creditHours: number; estimatedMinutes: number; status: string; source: string | null; createdAt: string
  publishedAt: string | null
}
export interface ProgressView {
  materialId: string; startedAt: string | null; secondsSpent: number; completedAt: string | null; creditHours: number | null
}
export interface RequiredItem { materialId: string; title: string; dueOn: string | null; completed: boolean; overdue: boolean }
export interface CreditSummary {
  memberId: string; department: string; branchId: string; year: number; creditHours: number; target: number
  requiredCompleted: number; requiredTotal: number; required: RequiredItem[]
}
export interface CompletionRate {
  department: string; branchId: string | null; branchName: string | null; members: number; requiredTotal: number
  requiredCompleted: number; completionRate: number | null; membersAtTarget: number; membersWithOverdue: number
}
export interface Completion { year: number; departments: CompletionRate[]; branches: CompletionRate[] }
export interface PlanSession { id: string; date: string; topic: string; materialIds: string[] }
export interface PlanView {
  id: string; department: string; organizationId: string; year: number; kind: PlanKind; title: string
  sessions: PlanSession[]; createdAt: string
}
export interface AssignmentView {
  id: string; department: string; branchId: string | null; audience: Audience; materialId: string; planId: string | null
  dueOn: string; createdAt: string
}
export interface ExamView {
  id: string; department: string | null; branchId: string | null; audience: Audience; title: string; mode: string
  questionCount: number; timeLimitMinutes: number; passMark: number; attemptLimit: number; scoring: string
  opensAt: string; closesAt: string
}
export interface Option { id: string; text: string }
export interface ShownQuestion { questionId: string; type: QuestionType; stem: string; options: Option[] }
export interface AttemptView {
  id: string; examId: string; number: number; startedAt: string; deadline: string; status: AttemptStatus
  questions: ShownQuestion[]; answers: Record<string, string[]>
}
export interface ReviewedQuestion {
  questionId: string; stem: string; options: Option[]; chosen: string[]; correct: string[] | null; right: boolean | null
}
export interface ResultView {
  id: string; examId: string; number: number; status: AttemptStatus; score: number | null; passMark: number
  passed: boolean | null; submittedAt: string | null; answersShown: boolean; questions: ReviewedQuestion[]
}

const enc = encodeURIComponent
export const studyApi = {
  materials: (q: { title?: string; category?: Category; page?: number; size?: number }) =>
    http.get<Page<MaterialView>>('/api/study/materials', q),
  material: (id: string) => http.get<MaterialView>(`/api/study/materials/${enc(id)}`),
  start: (materialId: string) => http.post<ProgressView>(`/api/study/progress/materials/${enc(materialId)}/start`),
  reportTime: (materialId: string, seconds: number) =>
    http.post<ProgressView>(`/api/study/progress/materials/${enc(materialId)}/time`, { seconds }),
  complete: (materialId: string) => http.post<ProgressView>(`/api/study/progress/materials/${enc(materialId)}/complete`),
  myCredits: (year: number) => http.get<CreditSummary>('/api/study/progress/mine', { year }),
  /** the caller's own study reminders (required study due soon or overdue, an open exam not passed) */
  notifications: () => http.get<MemberReminder[]>('/api/study/notifications/mine'),
  memberCredits: (memberId: string, year: number) =>
    http.get<CreditSummary>(`/api/study/progress/members/${enc(memberId)}`, { year }),
  completion: (year: number) => http.get<Completion>('/api/study/progress/completion', { year }),
  plans: (year: number, organizationId?: string) => http.get<PlanView[]>('/api/study/plans', { year, organizationId }),
  createPlan: (r: { organizationId: string; year: number; kind: PlanKind; title: string }) =>
    http.post<PlanView>('/api/study/plans', r),
  addSession: (planId: string, r: { date: string; topic: string; materialIds: string[] }) =>
    http.post<PlanView>(`/api/study/plans/${enc(planId)}/sessions`, r),
  assignments: (materialId?: string) => http.get<AssignmentView[]>('/api/study/assignments', { materialId }),
  assign: (r: { materialId: string; audience: Audience; branchId?: string; dueOn: string; planId?: string | null }) =>
    http.post<AssignmentView>('/api/study/assignments', r),
  exams: () => http.get<ExamView[]>('/api/study/exams'),
  exam: (id: string) => http.get<ExamView>(`/api/study/exams/${enc(id)}`),
  myAttempts: (examId: string) => http.get<ResultView[]>(`/api/study/exams/${enc(examId)}/attempts/mine`),
  /** The attempt with the server's clock of that answer, for the countdown. */
  startAttempt: (examId: string): Promise<Answer<AttemptView>> => call<AttemptView>('POST', `/api/study/exams/${enc(examId)}/attempts`),
  attempt: (id: string): Promise<Answer<AttemptView>> => call<AttemptView>('GET', `/api/study/attempts/${enc(id)}`),
  answer: (id: string, questionId: string, optionIds: string[]) =>
    http.put<AttemptView>(`/api/study/attempts/${enc(id)}/answers/${enc(questionId)}`, { optionIds }),
  submit: (id: string) => http.post<ResultView>(`/api/study/attempts/${enc(id)}/submit`),
  result: (id: string) => http.get<ResultView>(`/api/study/attempts/${enc(id)}/result`),
}
