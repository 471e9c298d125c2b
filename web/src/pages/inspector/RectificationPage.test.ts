import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import RectificationPage from './RectificationPage.vue'
import type { RectificationItem } from '@/api/discipline'

// an overdue item with evidence, as GET /api/discipline/rectifications/{id} answers it
const item: RectificationItem = {
  id: 'r1', department: 'caizheng', source: 'PATROL_INSPECTION', problem: '公务接待超标准', foundOn: '2026-06-01',
  measure: '修订接待制度并清退超标费用', owner: '办公室主任', deadline: '2026-09-30',
  evidence: [{ description: '已清退超标费用 3,200 元', submitterName: 'caizheng-inspector', at: '2026-10-08T02:00:00Z' }],
  status: 'OPEN', signOff: null, reopenCount: 0, overdue: true, daysOverdue: 61, escalation: 'WORK_COMMITTEE',
  history: [{ kind: 'CREATED', actorName: 'city-inspector', note: null, at: '2026-06-02T01:00:00Z' }],
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

const mounted: VueWrapper[] = []
async function open() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/inspector/rectifications/:id', component: RectificationPage }] })
  await router.push('/inspector/rectifications/r1')
  const wrapper = mount(RectificationPage, { global: { plugins: [router], stubs: { transition: false, 'transition-group': false } }, attachTo: document.body })
  mounted.push(wrapper)
  await flushPromises()
  return wrapper
}

// Element Plus puts the data-test of an el-input on its textarea
const textarea = () => document.body.querySelector<HTMLTextAreaElement>('textarea[data-test="rectification-text"]')!
const settle = async () => { await flushPromises(); await new Promise((r) => setTimeout(r, 50)); await flushPromises() }

afterEach(() => { mounted.splice(0).forEach((w) => w.unmount()); vi.unstubAllGlobals(); document.body.innerHTML = '' })

describe('a rectification item\'s page', { timeout: 30_000 }, () => {
  it('shows the item as the API gives it: overdue, escalated, its evidence and history', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, item)))
    const page = await open()
    expect(page.find('[data-test="rectification-state"]').text()).toBe('逾期 61 天')
    expect(page.find('[data-test="rectification-escalation"]').text()).toBe('已提级至工委')
    expect(page.find('[data-test="rectification-evidence-list"]').text()).toContain('已清退超标费用 3,200 元')
    expect(page.text()).toContain('登记问题 · city-inspector')
  })

  it('keeps the typed review note when the close-out is refused, and says why', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => init?.method === 'POST'
      ? json(422, { status: 422, title: '不能销号', errors: [{ field: 'reviewer', reason: '提交佐证的人不能验收销号' }] })
      : json(200, item))
    vi.stubGlobal('fetch', fetch)
    const page = await open()
    await page.find('[data-test="rectification-close"]').trigger('click')
    await flushPromises()
    const text = textarea()
    text.value = '已核查清退凭证，同意销号'
    text.dispatchEvent(new Event('input'))
    document.body.querySelector<HTMLButtonElement>('[data-test="rectification-save"]')!.click()
    await settle()
    expect(fetch).toHaveBeenLastCalledWith('/api/discipline/rectifications/r1/close-out', expect.objectContaining({ method: 'POST',
      body: JSON.stringify({ reviewNote: '已核查清退凭证，同意销号' }) }))
    expect(document.body.textContent).toContain('提交佐证的人不能验收销号')
    expect(textarea().value).toBe('已核查清退凭证，同意销号')
  })

  it('refuses a reopening without a reason at the form, sending nothing', async () => {
    const fetch = vi.fn(async () => json(200, { ...item, status: 'CLOSED', overdue: false, daysOverdue: 0, escalation: 'NONE',
      signOff: { reviewerName: 'city-inspector', reviewNote: '同意销号', at: '2026-10-09T02:00:00Z' } }))
    vi.stubGlobal('fetch', fetch)
    const page = await open()
    await page.find('[data-test="rectification-reopen"]').trigger('click')
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('[data-test="rectification-save"]')!.click()
    await settle()
    const reason = [...document.body.querySelectorAll('.el-form-item')].find((e) => e.textContent?.startsWith('反弹情况'))!
    expect(reason.classList.contains('is-error')).toBe(true)
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})
