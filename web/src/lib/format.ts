/** How the platform writes dates, periods and money: 2026年11月30日 (Asia/Shanghai), 2026年第四季度, ¥1,234.50. */
export const ZONE = 'Asia/Shanghai'

type Instantish = string | number | Date

function parts(value: Instantish, withTime: boolean): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  })
  return Object.fromEntries(fmt.formatToParts(new Date(value)).map((p) => [p.type, p.value]))
}

/** An instant as its calendar date in Shanghai; a plain date (2026-11-30) as written. */
export function formatDate(value: Instantish | null | undefined): string {
  if (value == null || value === '') return '—'
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number)
    return `${y}年${m}月${d}日`
  }
  const p = parts(value, false)
  return `${p.year}年${p.month}月${p.day}日`
}

export function formatDateTime(value: Instantish | null | undefined): string {
  if (value == null || value === '') return '—'
  const p = parts(value, true)
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`
}

/** 2026-11 (YearMonth) as 2026年11月. */
export function formatMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number)
  return `${y}年${m}月`
}

const QUARTERS = ['', '第一季度', '第二季度', '第三季度', '第四季度']

/** The API's period text (2026, 2026-H1, 2026-Q4, 2026-11) in words. */
export function formatPeriod(period: string): string {
  let m: RegExpMatchArray | null
  if ((m = period.match(/^(\d{4})-Q([1-4])$/))) return `${m[1]}年${QUARTERS[Number(m[2])]}`
  if ((m = period.match(/^(\d{4})-H([12])$/))) return `${m[1]}年${m[2] === '1' ? '上半年' : '下半年'}`
  if ((m = period.match(/^(\d{4})-(\d{2})$/))) return `${m[1]}年${Number(m[2])}月`
  if ((m = period.match(/^(\d{4})$/))) return `${m[1]}年`
  return period
}

/** The calendar fields of now in Shanghai, for default periods and the current month. */
export function shanghaiToday(now: Date = new Date()): { year: number; month: number; day: number } {
  const p = parts(now, false)
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) }
}

export function currentQuarter(now: Date = new Date()): string {
  const t = shanghaiToday(now)
  return `${t.year}-Q${Math.ceil(t.month / 3)}`
}

export function currentMonth(now: Date = new Date()): string {
  const t = shanghaiToday(now)
  return `${t.year}-${String(t.month).padStart(2, '0')}`
}

/** Exact money: integer fen to ¥1,234.50. */
export function formatFen(fen: number): string {
  if (!Number.isInteger(fen)) throw new Error(`not an amount in fen: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`
}

/** The API's yuan amounts (BigDecimal with at most 2 decimals, as number or text) to fen without float drift. */
export function yuanToFen(yuan: number | string): number {
  const text = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim()
  const m = text.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/)
  if (!m) throw new Error(`not an amount in yuan: ${yuan}`)
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return m[1] ? -fen : fen
}

export function formatYuan(yuan: number | string | null | undefined): string {
  return yuan == null ? '—' : formatFen(yuanToFen(yuan))
}

export function formatPercent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** The first instant after a period (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM), midnight in Shanghai (UTC+8, no DST). */
export function periodEnd(period: string): Date {
  let m: RegExpMatchArray | null
  let y: number
  let endMonth: number // 1-based month after which the period ends
  if ((m = period.match(/^(\d{4})-Q([1-4])$/))) { y = Number(m[1]); endMonth = Number(m[2]) * 3 }
  else if ((m = period.match(/^(\d{4})-H([12])$/))) { y = Number(m[1]); endMonth = Number(m[2]) * 6 }
  else if ((m = period.match(/^(\d{4})-(\d{2})$/))) { y = Number(m[1]); endMonth = Number(m[2]) }
  else if ((m = period.match(/^(\d{4})$/))) { y = Number(m[1]); endMonth = 12 }
  else throw new Error(`not a period: ${period}`)
  return new Date(Date.UTC(y, endMonth, 1) - 8 * 3600_000)
}

/** Whole days left in a period from {@code now} (0 on its last day, negative once over). */
export function daysLeft(period: string, now: Date = new Date()): number {
  return Math.ceil((periodEnd(period).getTime() - now.getTime()) / 86_400_000) - 1
}
