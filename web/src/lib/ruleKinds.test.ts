import { describe, expect, it } from 'vitest'
import { formFields, summarize, toValues } from './ruleKinds'
import { toFormErrors } from './problem'

const dues = {
  employed: [{ upTo: 3000, percent: 0.5 }, { upTo: 5000, percent: 1 }, { upTo: 10000, percent: 1.5 }, { upTo: null, percent: 2 }],
  retired: [{ upTo: 5000, percent: 0.5 }, { upTo: null, percent: 1 }],
  fixedAmount: 0.2,
}

describe('versioned rules on the committee pages', () => {
  it('says a version in one line with Chinese labels and units', () => {
    expect(summarize('dues', dues)).toBe('在职党员 ≤3000元 0.5%、≤5000元 1%、≤10000元 1.5%、以上 2%；离退休党员 ≤5000元 0.5%、以上 1%；'
      + '学生、无固定收入、生活困难党员 0.2元/月')
    expect(summarize('credits', { creditTarget: 32, creditTargetLeading: 56, newMemberStudyDays: 90 }))
      .toBe('党员年度学时 32学时；领导干部、支部书记年度学时 56学时；新党员必学期限（入党之日起） 90天')
  })

  it('publishes the last bracket of each list without an upper limit', () => {
    const model = structuredClone(dues) as Record<string, unknown>
    ;(model.employed as { upTo: number | null }[])[3].upTo = 20000
    const values = toValues('dues', model)
    expect((values.employed as { upTo: number | null }[])[3].upTo).toBeNull()
    expect((values.employed as { upTo: number | null }[])[2].upTo).toBe(10000)
  })

  it('shows a problem’s field error beside the bracket it names', () => {
    const errors = toFormErrors({ status: 400, errors: [
      { field: 'values.employed[1].upTo', reason: '上限应高于上一档（5000 元）' },
      { field: 'reason', reason: '必填' },
      { field: 'values.reminderDays', reason: '应在 1 到 365 之间' },
    ] }, formFields('dues'))
    expect(errors.fields).toEqual({ 'values.employed[1].upTo': '上限应高于上一档（5000 元）', reason: '必填' })
    expect(errors.general).toEqual(['应在 1 到 365 之间'])
  })
})
