import { describe, expect, it } from 'vitest'
import { anonymize } from './anonymize'

describe('a notice\'s anonymized preview', () => {
  it('leaves a text written with 某某 as it is', () => {
    expect(anonymize('某局干部孙某某违规收受礼金，受到党内警告处分。', ['孙小红', '测试党员3']))
      .toEqual({ text: '某局干部孙某某违规收受礼金，受到党内警告处分。', findings: [] })
  })
  it('replaces what the service refuses: a roster member\'s name, a national ID and a mobile number', () => {
    const r = anonymize('测试党员3（身份证号 11010519800101123X，电话 13912345678）违规收受礼金', ['测试党员3', '王五'])
    expect(r.text).toBe('测某某（身份证号 （身份证号已隐去），电话 （手机号已隐去））违规收受礼金')
    expect(r.findings.map((f) => [f.kind, f.found])).toEqual([
      ['nationalId', '11010519800101123X'], ['phone', '13912345678'], ['memberName', '测试党员3']])
  })
  it('takes the longer name first and does not treat a digit run inside a longer number as a phone', () => {
    expect(anonymize('王小明与王小谈话，编号 2139123456789', ['王小', '王小明']).text).toBe('王某某与王某某谈话，编号 2139123456789')
  })
})
