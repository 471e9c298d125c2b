import { describe, expect, it } from 'vitest'
import { checkInLink } from './qr'

describe('QR link of a sitting', () => {
  it('points at the member check-in page of the sitting on this origin', () => {
    expect(checkInLink('https://dangjian.example.cn', 'demo-caizheng-branch-1-2026-11-theme_party_day'))
      .toBe('https://dangjian.example.cn/member/checkin/demo-caizheng-branch-1-2026-11-theme_party_day')
    expect(checkInLink('http://localhost:8080/', 'a1')).toBe('http://localhost:8080/member/checkin/a1')
  })
  it('escapes an id so it stays one path segment', () => {
    expect(checkInLink('http://localhost:8080', 'a/b c')).toBe('http://localhost:8080/member/checkin/a%2Fb%20c')
  })
  it('refuses a base that is not an origin', () => {
    expect(() => checkInLink('localhost:8080/x', 'a')).toThrow()
  })
})
