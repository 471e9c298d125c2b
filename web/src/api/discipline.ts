/**
 * discipline-service. Only inspectors read discipline records; the one call open to everyone signed in is the status
 * of an anonymous lead by its receipt code. The inspector workspace adds its calls here.
 */
import { http } from './http'

export interface ReceiptStatus { status: string }

export const disciplineApi = {
  receiptStatus: (code: string) => http.post<ReceiptStatus>('/api/discipline/lead-receipts/status', { code }),
}
