import { describe, expect, it } from 'vitest'
import { mergeReminders } from './reminders'

describe('member reminders', () => {
  it('merges the reminders of every service into one list, newest first', () => {
    const sitting = { id: 'sitting:a1:m1', createdAt: '2026-11-30T01:00:00Z', message: '请按时参加“支部党员大会”' }
    const study = { id: 'study-due:m1:mat1:2026-12-03', createdAt: '2026-11-30T03:00:00Z', message: '必学内容' }
    const dues = { id: 'dues-due:m1:2026-11', createdAt: '2026-11-26T02:00:00Z', message: '本月党费' }
    const exam = { id: 'exam-open:e1:m1', createdAt: '2026-11-30T03:00:00Z', message: '考试' }
    expect(mergeReminders([sitting], [study, exam], [dues]).map((r) => r.id))
      .toEqual(['exam-open:e1:m1', 'study-due:m1:mat1:2026-12-03', 'sitting:a1:m1', 'dues-due:m1:2026-11'])
    expect(mergeReminders([], [])).toEqual([])
  })
})
