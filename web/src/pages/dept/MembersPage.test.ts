import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import MembersPage from './MembersPage.vue'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const mounted: VueWrapper[] = []

/** The members page with the service answering the import as {@code importAnswer}; every read answers empty. */
async function open(importAnswer: Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST' && url === '/api/org/members/import') return importAnswer
    if (url.startsWith('/api/org/members?')) return json(200, { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 })
    return json(200, [])
  })
  vi.stubGlobal('fetch', fetch)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/dept/members', component: MembersPage }] })
  await router.push('/dept/members')
  const page = mount(MembersPage, { global: { plugins: [router, createPinia()], stubs: { transition: false, 'transition-group': false } },
    attachTo: document.body })
  mounted.push(page)
  await flushPromises()
  await page.find('[data-test="import-open"]').trigger('click')
  await flushPromises()
  const input = document.body.querySelector<HTMLInputElement>('[data-test="import-file"]')!
  Object.defineProperty(input, 'files', { value: [new File(['not a workbook'], '名册.xlsx')] })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  document.body.querySelector<HTMLButtonElement>('[data-test="import-submit"]')!.click()
  await flushPromises()
  return fetch
}

afterEach(() => { mounted.splice(0).forEach((w) => w.unmount()); vi.unstubAllGlobals(); document.body.innerHTML = '' })

// the first mount loads Element Plus and the page: slow on a busy machine
describe('the roster import refusing a file', { timeout: 30_000 }, () => {
  it('says the service\'s reason for a file that is no workbook, and that nothing was imported', async () => {
    // as org-service answers a file POI cannot open (RosterImport: import.notXlsx)
    const fetch = await open(json(400, { status: 400, title: '输入有误', detail: '请求中有不符合要求的内容。',
      errors: [{ field: 'file', reason: '请上传 .xlsx 格式的党员名册。' }] }))
    expect(fetch).toHaveBeenCalledWith('/api/org/members/import', expect.objectContaining({ method: 'POST' }))
    const refused = document.body.querySelector('[data-test="import-refused"]')!
    expect(refused.textContent).toContain('文件未导入，没有导入任何党员')
    expect(refused.textContent).toContain('请上传 .xlsx 格式的党员名册。')
    expect(document.body.querySelector('[data-test="import-done"]')).toBeNull()
  })

  it('shows the row report of a file with a formula, nothing imported', async () => {
    await open(json(422, { imported: false, rows: 2, memberIds: [], errors: [{ row: 3, column: '出生日期', reason: '不接受公式，请填写文字或数值' }] }))
    expect(document.body.querySelector('[data-test="import-failed"]')!.textContent).toContain('共 2 行，1 处错误，未导入任何党员')
    expect([...document.body.querySelectorAll('[data-test="import-row"]')].map((r) => r.textContent))
      .toEqual(['3出生日期不接受公式，请填写文字或数值'])
  })

  it('says the size limit of a file too large', async () => {
    await open(json(413, { status: 413, title: '文件过大', detail: '党员名册文件不能超过 5 MB，请分批导入。',
      errors: [{ field: 'file', reason: '党员名册文件不能超过 5 MB，请分批导入。' }] }))
    expect(document.body.querySelector('[data-test="import-refused"]')!.textContent).toContain('党员名册文件不能超过 5 MB，请分批导入。')
  })
})
