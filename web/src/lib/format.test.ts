import { describe, expect, it } from 'vitest'
import { currentQuarter, daysLeft, formatDate, formatDateTime, formatFen, formatPeriod, formatYuan, yuanToFen } from './format'

describe('dates in Asia/Shanghai', () => {
  it('writes an instant as the Shanghai calendar date', () => {
    // 16:30 UTC on 29 November is already 30 November in Shanghai
    expect(formatDate('2026-11-29T16:30:00Z')).toBe('2026年11月30日')
    expect(formatDate('2026-11-30T15:59:00Z')).toBe('2026年11月30日')
    expect(formatDate('2026-11-30T16:00:00Z')).toBe('2026年12月1日')
  })
  it('writes a plain date as it is, without shifting it', () => {
    expect(formatDate('2026-03-06')).toBe('2026年3月6日')
  })
  it('writes date and time in Shanghai', () => {
    expect(formatDateTime('2026-11-30T07:00:00Z')).toBe('2026年11月30日 15:00')
  })
  it('names the quarter of Shanghai, not UTC, at a quarter boundary', () => {
    expect(currentQuarter(new Date('2026-09-30T17:00:00Z'))).toBe('2026-Q4')
  })
})

describe('periods', () => {
  it('writes quarters, halves, months and years in words', () => {
    expect(formatPeriod('2026-Q4')).toBe('2026年第四季度')
    expect(formatPeriod('2026-Q1')).toBe('2026年第一季度')
    expect(formatPeriod('2026-H2')).toBe('2026年下半年')
    expect(formatPeriod('2026-03')).toBe('2026年3月')
    expect(formatPeriod('2026')).toBe('2026年')
  })
})

describe('money', () => {
  it('writes fen as yuan with thousands separators and two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(100000000)).toBe('¥1,000,000.00')
    expect(formatFen(-2050)).toBe('-¥20.50')
  })
  it('refuses a fractional fen instead of rounding it away', () => {
    expect(() => formatFen(12.5)).toThrow()
  })
  it('reads the API yuan amounts exactly', () => {
    expect(yuanToFen('1234.5')).toBe(123450)
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(22.5)).toBe(2250)
    expect(formatYuan(0.2)).toBe('¥0.20')
  })
})

describe('days left in a period', () => {
  it('counts the days after today until the period ends in Shanghai', () => {
    // 2026-12-25 10:00 in Shanghai: the quarter ends with 31 December, 6 more days
    expect(daysLeft('2026-Q4', new Date('2026-12-25T02:00:00Z'))).toBe(6)
    expect(daysLeft('2026-11', new Date('2026-11-30T15:00:00Z'))).toBe(0)
    expect(daysLeft('2026-11', new Date('2026-11-30T16:30:00Z'))).toBe(-1)
    expect(daysLeft('2026', new Date('2026-12-31T01:00:00Z'))).toBe(0)
  })
})
