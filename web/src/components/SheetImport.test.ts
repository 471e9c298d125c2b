import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import SheetImport from './SheetImport.vue'
import type { ImportOutcome, SheetReport } from '@/api/org'

afterEach(() => { document.body.innerHTML = '' })

function report(r: Partial<SheetReport>): SheetReport {
  return { imported: false, rows: 0, created: 0, unchanged: 0, ids: [], errors: [], ...r }
}

async function uploadWith(answer: SheetReport) {
  const upload = vi.fn(async (_file: File) => ({ status: answer.imported ? 201 : 422, data: answer }))
  const wrapper = mount(SheetImport, {
    attachTo: document.body,
    props: {
      modelValue: true, title: '导入组织架构', hint: '说明', fileLabel: '组织架构文件', what: '组织', template: vi.fn(), upload,
      // mount() does not carry the component's report type through: the test's own report comes back
      summary: (r: ImportOutcome) => `新建 ${(r as SheetReport).created} 个组织，${(r as SheetReport).unchanged} 个无变化`,
    },
  })
  await flushPromises()
  const input = document.querySelector<HTMLInputElement>('[data-test="import-file"]')!
  const file = new File(['x'], 'tree.xlsx')
  Object.defineProperty(input, 'files', { value: [file] })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  document.querySelector<HTMLButtonElement>('[data-test="import-submit"]')!.click()
  await flushPromises()
  return { wrapper, upload, file }
}

describe('the sheet import dialog', () => {
  it('shows a refused file row by row, with its row, column and reason, and says nothing was imported', async () => {
    const { wrapper, upload, file } = await uploadWith(report({ rows: 6, errors: [
      { row: 2, column: '上级编码', reason: '上级关系形成循环：A → B → A' },
      { row: 5, column: '类型', reason: '应为“机关党委”“党总支”“党支部”或“党小组”' }] }))
    expect(upload).toHaveBeenCalledWith(file)
    expect(document.querySelector('[data-test="import-failed"]')!.textContent).toContain('共 6 行，2 处错误，未导入任何组织')
    const rows = [...document.querySelectorAll('[data-test="import-row"]')].map((tr) => tr.textContent)
    expect(rows).toEqual(['2上级编码上级关系形成循环：A → B → A', '5类型应为“机关党委”“党总支”“党支部”或“党小组”'])
    expect(wrapper.emitted('done')).toBeUndefined()
  })
  it('says what an accepted file did and tells the page', async () => {
    const accepted = report({ imported: true, rows: 5, created: 3, unchanged: 2, ids: ['a', 'b', 'c'] })
    const { wrapper } = await uploadWith(accepted)
    expect(document.querySelector('[data-test="import-done"]')!.textContent).toContain('新建 3 个组织，2 个无变化')
    expect(document.querySelector('[data-test="import-report"]')).toBeNull()
    expect(wrapper.emitted('done')).toEqual([[accepted]])
  })
})
