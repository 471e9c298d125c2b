import { describe, expect, it } from 'vitest'
import { fromCounts, percent, tableRows } from './charts'

describe('chart data and its table', () => {
  it('the table holds exactly the numbers the chart draws, a row per category', () => {
    const d = fromCounts('形态', '人次', { 1: 12, 3: 2 } as Partial<Record<number, number>>, [1, 2, 3, 4], (k) => `第${k}种形态`)
    expect(d.series[0].values).toEqual([12, 0, 2, 0])
    expect(tableRows(d)).toEqual([['形态', '人次'], ['第1种形态', 12], ['第2种形态', 0], ['第3种形态', 2], ['第4种形态', 0]])
  })

  it('several series side by side; a missing value is an empty cell', () => {
    expect(tableRows({ categoryLabel: '部门', categories: ['财政局', '教育局'],
      series: [{ name: '已完成', values: [5, 3] }, { name: '出席率(%)', values: [percent(0.9375), percent(null)] }] }))
      .toEqual([['部门', '已完成', '出席率(%)'], ['财政局', 5, 93.8], ['教育局', 3, null]])
  })
})
