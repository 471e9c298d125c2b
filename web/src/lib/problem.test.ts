import { describe, expect, it } from 'vitest'
import { toFormErrors } from './problem'

describe('problem to form field errors', () => {
  const form = ['title', 'held.place', 'lateReason', 'entries']

  it('puts each reason beside the field it names', () => {
    const e = toFormErrors({ status: 422, detail: '记录晚于会后 7 天录入，须说明补录原因', errors: [
      { field: 'lateReason', reason: '会后 7 天以后录入的记录须说明补录原因' },
    ] }, form)
    expect(e.fields).toEqual({ lateReason: '会后 7 天以后录入的记录须说明补录原因' })
    expect(e.general).toEqual([])
  })
  it('maps nested paths and joins several reasons of one field', () => {
    const e = toFormErrors({ status: 400, errors: [
      { field: 'held.place', reason: '不能为空' },
      { field: 'held.place', reason: '长度不能超过200' },
      { field: 'title', reason: '不能为空' },
    ] }, form)
    expect(e.fields).toEqual({ 'held.place': '不能为空；长度不能超过200', title: '不能为空' })
  })
  it('maps a list element to the list field', () => {
    const e = toFormErrors({ status: 422, errors: [{ field: 'entries[2].memberId', reason: '不是本支部党员' }] }, form)
    expect(e.fields).toEqual({ entries: '不是本支部党员' })
  })
  it('keeps what no field shows as a general message', () => {
    expect(toFormErrors({ status: 422, errors: [{ field: 'rating', reason: '处分影响期内不能评为优秀' }] }, form))
      .toEqual({ fields: {}, general: ['处分影响期内不能评为优秀'] })
    expect(toFormErrors({ status: 409, detail: '签到未开放' }, form)).toEqual({ fields: {}, general: ['签到未开放'] })
  })
})
