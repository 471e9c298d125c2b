import { describe, expect, it } from 'vitest'
import { duesMonths } from './dues'
import type { DuesAccount } from '@/api/org'

describe('dues months', () => {
  it('lists every month since the first base with its amount and state, newest first', () => {
    const account = {
      memberId: 'm1', name: '张三', department: 'caizheng', branchId: 'b1', currentMonthly: 90, unpaidMonths: 2,
      arrearsLevel: 'NONE', arrearsReason: null, payments: [{ month: '2026-09', amount: 60, paidAt: '2026-09-03T02:00:00Z', recordedBy: 'm1', byCadre: false }],
      bases: [
        { effectiveFrom: '2026-09', category: 'EMPLOYED', income: 6000, monthly: 60, declaredAt: '', declaredBy: '' },
        { effectiveFrom: '2026-11', category: 'EMPLOYED', income: 6000, monthly: 90.5, declaredAt: '', declaredBy: '' },
      ],
    } as DuesAccount
    expect(duesMonths(account, '2026-11')).toEqual([
      { month: '2026-11', fen: 9050, paid: false, paidAt: null },
      { month: '2026-10', fen: 6000, paid: false, paidAt: null },
      { month: '2026-09', fen: 6000, paid: true, paidAt: '2026-09-03T02:00:00Z' },
    ])
  })
})
