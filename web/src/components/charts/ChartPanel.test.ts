import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ChartPanel from './ChartPanel.vue'
import { coverageChart, fromCounts } from '@/lib/charts'
import { FORMS, SUPERVISION_KINDS, type Coverage, type FormReport } from '@/api/discipline'

/** The table view of a mounted chart panel: its header and its rows, as the user reads them. */
function tableOf(wrapper: ReturnType<typeof mount>): string[][] {
  return wrapper.findAll('table.chart-table tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
}

describe('a chart panel\'s table view', () => {
  it('shows the numbers of the API answer it was given: the four forms', () => {
    // as GET /api/discipline/statistics/forms answers (form 2 absent: none that year)
    const report: FormReport = { from: '2026-01-01', to: '2026-12-31', departments: [], total: {
      department: 'ALL', received: 23, bySource: { PETITION_REPORT: 15, AUDIT: 8 }, decided: 17, byForm: { 1: 12, 3: 4, 4: 1 }, byOutcome: {} } }
    const wrapper = mount(ChartPanel, { props: { title: '四种形态', table: true,
      data: fromCounts('形态', '人次', report.total.byForm, [1, 2, 3, 4], (k) => FORMS[k]) } })
    expect(tableOf(wrapper)).toEqual([
      ['形态', '人次'], ['第一种形态', '12'], ['第二种形态', '0'], ['第三种形态', '4'], ['第四种形态', '1']])
  })

  it('shows each department\'s coverage rates as the API gives them, beside the 100% target; a kind not reported is empty', () => {
    // as GET /api/discipline/supervision/coverage answers
    const coverage: Coverage[] = [
      { department: 'caizheng', kind: 'INTEGRITY_TALK', year: 2026, target: 8, covered: 6, ratePercent: 75.0, targetMet: false },
      { department: 'caizheng', kind: 'FOLLOW_UP_VISIT', year: 2026, target: 2, covered: 2, ratePercent: 100.0, targetMet: true },
      { department: 'caizheng', kind: 'SUPERVISION_CARD', year: 2026, target: 8, covered: 1, ratePercent: 12.5, targetMet: false },
      { department: 'jiaoyu', kind: 'INTEGRITY_TALK', year: 2026, target: 3, covered: 1, ratePercent: 33.3, targetMet: false },
    ]
    const wrapper = mount(ChartPanel, { props: { title: '监督覆盖率', table: true, data: coverageChart(coverage, SUPERVISION_KINDS) } })
    expect(tableOf(wrapper)).toEqual([
      ['部门', '廉政谈话覆盖率(%)', '巡查回访覆盖率(%)', '廉政监督卡覆盖率(%)', '目标(%)'],
      ['caizheng', '75', '100', '12.5', '100'],
      ['jiaoyu', '33.3', '—', '—', '100'],
    ])
  })

  it('says when there is nothing to draw rather than an empty table', () => {
    const empty = mount(ChartPanel, { props: { title: '空', table: true, data: { categoryLabel: '部门', categories: [], series: [] } } })
    expect(empty.find('table.chart-table').exists()).toBe(false)
    expect(empty.text()).toContain('暂无数据')
  })
})
