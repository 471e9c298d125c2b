/**
 * The one shape every chart is drawn from: categories (the x axis or the slices) and named series of numbers. The
 * table beside a chart and its .xlsx export are made from the same shape, so the numbers are the API's in all three.
 */
import type { Cell } from './xlsx'
import type { Coverage, SupervisionKind } from '@/api/discipline'

/** {@code line}: drawn as a line over the bars (a target), in the table like any other series */
export interface Series { name: string; values: (number | null)[]; line?: boolean }
export interface ChartData { categoryLabel: string; categories: string[]; series: Series[] }

/** The table of a chart: a header row, then one row per category. */
export function tableRows(d: ChartData): Cell[][] {
  return [[d.categoryLabel, ...d.series.map((s) => s.name)],
    ...d.categories.map((c, i) => [c, ...d.series.map((s) => s.values[i] ?? null)])]
}

/** Counts by key (e.g. a map from the API) in a fixed order with labels, absent keys as 0. */
export function fromCounts<K extends string | number>(categoryLabel: string, name: string,
  counts: Partial<Record<K, number>>, order: readonly K[], label: (k: K) => string): ChartData {
  return { categoryLabel, categories: order.map(label), series: [{ name, values: order.map((k) => counts[k] ?? 0) }] }
}

/** A rate 0..1 as a percentage with one decimal, as the tables show it (null stays empty). */
export function percent(rate: number | null | undefined): number | null {
  return rate == null ? null : Math.round(rate * 1000) / 10
}

/** Supervision coverage: each kind's rate per department, beside the 100% target every department is held to. */
export function coverageChart(rows: readonly Coverage[], kinds: Record<SupervisionKind, string>): ChartData {
  const departments = [...new Set(rows.map((r) => r.department))]
  const rate = (d: string, k: SupervisionKind) => {
    const c = rows.find((r) => r.department === d && r.kind === k)
    return c ? Number(c.ratePercent) : null
  }
  return { categoryLabel: '部门', categories: departments,
    series: [...(Object.keys(kinds) as SupervisionKind[]).map((k) => ({ name: `${kinds[k]}覆盖率(%)`, values: departments.map((d) => rate(d, k)) })),
      { name: '目标(%)', values: departments.map(() => 100), line: true }] }
}
