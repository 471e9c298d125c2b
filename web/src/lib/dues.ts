import type { DuesAccount } from '@/api/org'
import { yuanToFen } from './format'

export interface DuesMonth {
  month: string
  fen: number
  paid: boolean
  paidAt: string | null
}

/**
 * The member's months from its first declared base up to {@code current} (YYYY-MM), newest first: the amount of the
 * base in force that month (or the payment's amount), and whether it was paid.
 */
export function duesMonths(account: DuesAccount, current: string): DuesMonth[] {
  const bases = [...account.bases].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
  if (bases.length === 0) return []
  const paid = new Map(account.payments.map((p) => [p.month, p]))
  const months: DuesMonth[] = []
  for (let m = bases[0].effectiveFrom; m <= current; m = nextMonth(m)) {
    const p = paid.get(m)
    const base = bases.filter((b) => b.effectiveFrom <= m).at(-1)!
    months.push({ month: m, fen: yuanToFen(p ? p.amount : base.monthly), paid: !!p, paidAt: p?.paidAt ?? null })
  }
  return months.reverse()
}

export function nextMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
