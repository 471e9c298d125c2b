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
