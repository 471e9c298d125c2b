import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import VersionedRulesPage from './VersionedRulesPage.vue'

const DUES = {
  employed: [{ upTo: 3000, percent: 0.5 }, { upTo: 5000, percent: 1 }, { upTo: 10000, percent: 1.5 }, { upTo: null, percent: 2 }],
  retired: [{ upTo: 5000, percent: 0.5 }, { upTo: null, percent: 1 }],
  fixedAmount: 0.2,
}
const CREDITS = { creditTarget: 32, creditTargetLeading: 56, newMemberStudyDays: 90 }

function version(kind: string, values: object) {
  return { id: `${kind}:2026:v1`, kind, year: 2026, version: 1, inForceSince: '2026-11-30T23:00:00Z', author: 'system',
    reason: '默认值（服务配置）', values }
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

class NoResizeObserver { observe() {} unobserve() {} disconnect() {} }

/** The page with a router that knows 规则与考核, loaded. */
async function mountPage() {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', component: { template: '<div />' } },
    { path: '/committee/rules', name: 'committee-rules', component: { template: '<div />' } }] })
  const page = mount(VersionedRulesPage, {
    global: { plugins: [router], stubs: { transition: false, 'transition-group': false } }, attachTo: document.body })
  await flushPromises()
  return page
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('规则版本', () => {
  it('lists each kind with its version in force and shows a refused bracket’s reason beside that bracket', async () => {
    vi.stubGlobal('ResizeObserver', NoResizeObserver)
    const published: { path: string; body: { values: typeof DUES; reason: string } }[] = []
    vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
      if (path.startsWith('/api/org/rules?')) return answer(200, [{ kind: 'dues', label: '党费标准', current: version('dues', DUES) }])
      if (path.startsWith('/api/study/rules?')) return answer(200, [{ kind: 'credits', label: '学时与新党员学习', current: version('credits', CREDITS) }])
      if (path.startsWith('/api/compliance/rule-versions?')) return answer(200, [])
      if (path.startsWith('/api/org/rules/dues/versions')) {
        published.push({ path, body: JSON.parse(String(init?.body)) })
        return answer(400, { status: 400, title: '请求有误', errors: [{ field: 'values.employed[1].upTo', reason: '上限应高于上一档（5000 元）' }] })
      }
      return answer(404, { status: 404 })
    }))
    const page = await mountPage()

    const rows = page.findAll('[data-test="rule-kinds"] tbody tr').map((r) => r.text())
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('党费标准')
    expect(rows[0]).toContain('v1')
    expect(rows[0]).toContain('系统（默认值）')
    expect(rows[0]).toContain('在职党员 ≤3000元 0.5%、≤5000元 1%、≤10000元 1.5%、以上 2%')
    expect(rows[1]).toContain('新党员必学期限（入党之日起） 90天')

    await page.findAll('button').find((b) => b.text() === '发布新版本')!.trigger('click')
    await flushPromises()
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="修改说明"]')!
    reason.value = '2027 年党费标准'
    reason.dispatchEvent(new Event('input'))
    document.querySelector<HTMLButtonElement>('[data-test="rule-publish"]')!.click()
    await flushPromises()

    expect(published).toHaveLength(1)
    expect(published[0].path).toContain('year=')
    expect(published[0].body.reason).toBe('2027 年党费标准')
    expect(published[0].body.values.employed[3].upTo).toBeNull()
    const limit = document.querySelector('input[aria-label="在职党员第2档上限（元）"]')!
    // Element Plus shows a form item's message after a short debounce
    await vi.waitFor(() => expect(limit.closest('.el-form-item')!.textContent).toContain('上限应高于上一档（5000 元）'))
    const other = document.querySelector('input[aria-label="在职党员第3档上限（元）"]')!
    expect(other.closest('.el-form-item')!.textContent).not.toContain('上限应高于上一档')
  })

  it('lists the compliance and scoring rules with their history, edited on 规则与考核 instead of the form here', async () => {
    vi.stubGlobal('ResizeObserver', NoResizeObserver)
    const COMPLIANCE = { lateEntryDays: 7, rules: [
      { type: 'BRANCH_COMMITTEE_MEETING', minCount: 1, period: 'MONTH' }, { type: 'PARTY_LECTURE', minCount: 1, period: 'QUARTER' }] }
    const SCORING = { complianceWeight: 35, qualityWeight: 10, studyWeight: 25, termOnTimeWeight: 10, committeeCompleteWeight: 5,
      duesWeight: 15, starThresholds: [60, 70, 80, 90, 95] }
    const asked: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      asked.push(path)
      if (path.startsWith('/api/org/rules?')) return answer(200, [{ kind: 'scoring', label: '考核细则', current: { ...version('scoring', SCORING), version: 0 } }])
      if (path.startsWith('/api/study/rules?')) return answer(200, [])
      if (path.startsWith('/api/compliance/rule-versions?')) return answer(200, [{ kind: 'compliance', label: '组织生活合规规则',
        current: { ...version('compliance', COMPLIANCE), version: 2, author: 'work-committee' } }])
      if (path.startsWith('/api/compliance/rule-versions/compliance/history')) return answer(200, [
        { ...version('compliance', COMPLIANCE), version: 0 }, { ...version('compliance', COMPLIANCE), version: 2, author: 'work-committee', reason: '工委发布' }])
      return answer(404, { status: 404 })
    }))
    const page = await mountPage()

    const rows = page.findAll('[data-test="rule-kinds"] tbody tr')
    expect(rows.map((r) => r.text())).toHaveLength(2)
    expect(rows[0].text()).toContain('考核细则')
    expect(rows[0].text()).toContain('v0')
    expect(rows[0].text()).toContain('满分100分；一至五星门槛 60/70/80/90/95 分')
    expect(rows[1].text()).toContain('组织生活合规规则')
    expect(rows[1].text()).toContain('v2')
    expect(rows[1].text()).toContain('work-committee')
    expect(rows[1].text()).toContain('2条最低次数规则（支委会每月至少1次、党课每季度至少1次）；活动后超过7天录入为补录')
    expect(rows[1].find('a').attributes('href')).toBe('/committee/rules')
    expect(rows[1].findAll('button').map((b) => b.text())).toEqual(['历次版本'])

    await rows[1].find('button').trigger('click')
    await flushPromises()
    expect(asked.some((p) => p.startsWith('/api/compliance/rule-versions/compliance/history?year='))).toBe(true)
    const history = [...document.querySelectorAll('[data-test="rule-history"] tbody tr')].map((r) => r.textContent)
    expect(history).toHaveLength(2)
    expect(history[1]).toContain('工委发布')
  })
})
