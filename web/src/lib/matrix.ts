/**
 * The department's compliance matrix: its branches × the rules of the period, each cell the rule's status in that
 * branch with the count against the minimum. Built from the department's view, which judges every rule of every
 * branch in one answer; the records behind a cell are read from that branch's view when the cell is opened.
 */
import type { BranchLine, RuleLine, RuleStatus } from '@/api/activity'
import { PERIOD_KINDS, type PeriodKind } from '@/api/activity'

export interface MatrixColumn { key: string; label: string }
export interface MatrixCell { status: RuleStatus; count: number; required: number }
export interface MatrixRow { branchId: string; branchName: string; cells: Record<string, MatrixCell | undefined> }
export interface Matrix { columns: MatrixColumn[]; rows: MatrixRow[] }

/** A rule is the same column in every branch when type, period and scope agree (a department override may differ). */
export const ruleKey = (r: Pick<RuleLine, 'type' | 'period' | 'scope' | 'condition'>) =>
  `${r.type}|${r.period}|${r.scope ?? 'BRANCH'}${r.condition && r.condition !== 'NONE' ? `|${r.condition}` : ''}`

export function buildMatrix(branches: Pick<BranchLine, 'branchId' | 'branchName' | 'rules'>[]): Matrix {
  const columns: MatrixColumn[] = []
  const rows = branches.map((b) => {
    const cells: Record<string, MatrixCell> = {}
    for (const r of b.rules) {
      const key = ruleKey(r)
      if (!columns.some((c) => c.key === key)) {
        const who = r.condition === 'SECRETARY_LECTURES' ? '书记讲' : ''
        columns.push({ key, label: `${who}${r.typeLabel}（${PERIOD_KINDS[r.period as PeriodKind] ?? r.period}${r.minCount}次）` })
      }
      cells[key] = {
        status: r.status,
        count: r.parts.reduce((n, p) => n + p.count, 0),
        required: r.parts.reduce((n, p) => n + p.required, 0),
      }
    }
    return { branchId: b.branchId, branchName: b.branchName, cells }
  })
  return { columns, rows }
}

/** The matrix as a table for export: header, then one row per branch with each cell in words. */
export function matrixTable(m: Matrix, words: Record<RuleStatus, string>): string[][] {
  return [['支部', ...m.columns.map((c) => c.label)],
    ...m.rows.map((r) => [r.branchName, ...m.columns.map((c) => {
      const cell = r.cells[c.key]
      return cell ? `${words[cell.status]} ${cell.count}/${cell.required}` : '不适用'
    })])]
}
