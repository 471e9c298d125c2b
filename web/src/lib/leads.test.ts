import { describe, expect, it } from 'vitest'
import { influenceUntil, outcomesFor } from './leads'

describe('lead outcomes', () => {
  it('outside a filed case only the first form may be decided', () => {
    expect(outcomesFor('INQUIRY')).toEqual(['REMINDER_TALK', 'CRITICISM', 'WRITTEN_SELF_EXAMINATION', 'ADMONISHMENT'])
    expect(outcomesFor('CASE_FILED')).toHaveLength(10)
  })
})

describe('the influence period shown before saving', () => {
  it('ends the day before the same day n months later', () => {
    expect(influenceUntil('2026-03-15', 12)).toBe('2027-03-14')
    expect(influenceUntil('2026-01-01', 18)).toBe('2027-06-30')
  })
  it('from the last day of a longer month, as LocalDate.plusMonths clamps it', () => {
    expect(influenceUntil('2026-08-31', 6)).toBe('2027-02-27')
    expect(influenceUntil('2027-08-31', 6)).toBe('2028-02-28')
  })
})
