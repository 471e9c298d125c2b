import { describe, expect, it } from 'vitest'
import { formatRemaining, remaining, serverClock } from './countdown'

describe('countdown from the server clock', () => {
  it('counts from the server time, whatever the device clock says', () => {
    let mono = 5_000
    // the server said 10:00:00 UTC; the device clock may be hours off, only elapsed monotonic time matters
    const clock = serverClock('Mon, 30 Nov 2026 10:00:00 GMT', mono, () => mono)
    expect(remaining('2026-11-30T10:30:00Z', clock)).toBe(30 * 60_000)
    mono += 61_000
    expect(remaining('2026-11-30T10:30:00Z', clock)).toBe(28 * 60_000 + 59_000)
    expect(formatRemaining(remaining('2026-11-30T10:30:00Z', clock))).toBe('28:59')
  })
  it('stops at zero after the deadline', () => {
    const clock = serverClock('Mon, 30 Nov 2026 10:31:00 GMT', 0, () => 0)
    expect(remaining('2026-11-30T10:30:00Z', clock)).toBe(0)
    expect(formatRemaining(0)).toBe('0:00')
  })
  it('writes hours when an exam is long', () => {
    expect(formatRemaining(3_723_000)).toBe('1:02:03')
    expect(formatRemaining(59_400)).toBe('1:00')
  })
})
