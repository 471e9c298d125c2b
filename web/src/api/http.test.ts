import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, READ_TIMEOUT_MS, call, csrfToken, signInUrl } from './http'
import { registerDraft, takeDraft } from '@/lib/drafts'

afterEach(() => { vi.unstubAllGlobals(); sessionStorage.clear() })

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body == null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

describe('the fetch wrapper', () => {
  it('sends the CSRF header from the cookie on writes, and the language', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123'
    const fetch = vi.fn().mockImplementation(async () => answer(200, { ok: true }))
    vi.stubGlobal('fetch', fetch)
    await call('POST', '/api/activities/a1/check-in')
    const headers = fetch.mock.calls[0][1].headers
    expect(headers['X-XSRF-TOKEN']).toBe('abc=123')
    expect(headers['Accept-Language']).toBe('zh-CN')
    await call('GET', '/api/activities', { query: { status: 'PLANNED', branchId: undefined } })
    expect(fetch.mock.calls[1][0]).toBe('/api/activities?status=PLANNED')
    expect(fetch.mock.calls[1][1].headers['X-XSRF-TOKEN']).toBeUndefined()
  })
  it('reads the token among other cookies', () => {
    expect(csrfToken('SESSION=x; XSRF-TOKEN=t1; other=y')).toBe('t1')
    expect(csrfToken('SESSION=x')).toBeNull()
  })
  it('turns a problem into an ApiError that keeps its field errors', async () => {
    const problem = { type: 'urn:party-platform:problem:activity.lateReasonRequired', title: '不符合规则', detail: '须说明补录原因',
      errors: [{ field: 'lateReason', reason: '须说明补录原因' }] }
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(422, problem)))
    const e = await call('POST', '/api/activities/records', { body: {} }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.problem.errors).toEqual([{ field: 'lateReason', reason: '须说明补录原因' }])
    expect(e.message).toBe('须说明补录原因')
  })
  it('on 401 saves the open forms and goes to sign-in with this page as the return path', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { pathname: '/secretary/sittings/new', search: '?x=1', hash: '', assign })
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(401, { status: 401 })))
    registerDraft('new-sitting', () => ({ title: '11月主题党日' }))
    void call('POST', '/api/activities', { body: {} })
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('/sign-in?next=%2Fsecretary%2Fsittings%2Fnew%3Fx%3D1'))
    expect(takeDraft('new-sitting')).toEqual({ title: '11月主题党日' })
    expect(signInUrl({ pathname: '/member/checkin/a1', search: '', hash: '' })).toBe('/sign-in?next=%2Fmember%2Fcheckin%2Fa1')
  })
  it('asks a read once more when it gets no answer in time or the gateway could not reach the service', async () => {
    vi.useFakeTimers()
    try {
      const silent = (_: string, init: RequestInit) => new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
      const fetch = vi.fn().mockImplementationOnce(silent).mockResolvedValueOnce(answer(200, { branches: 2 }))
      vi.stubGlobal('fetch', fetch)
      const read = call('GET', '/api/compliance/city', { query: { period: '2026-Q4' } })
      await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS)
      expect((await read).data).toEqual({ branches: 2 })
      expect(fetch).toHaveBeenCalledTimes(2)

      const twice = vi.fn().mockImplementation(silent)
      vi.stubGlobal('fetch', twice)
      const lost = call('GET', '/api/compliance/city').catch((x) => x)
      await vi.advanceTimersByTimeAsync(2 * READ_TIMEOUT_MS)
      expect((await lost).problem.title).toBe('网络连接失败')
      expect(twice).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(answer(503, { status: 503 })).mockResolvedValueOnce(answer(200, [])))
    expect((await call('GET', '/api/org/members')).data).toEqual([])
  })
  it('sends a write once, whatever happens to it', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(503, { status: 503, title: '服务暂不可用，请稍后重试' }))
    vi.stubGlobal('fetch', fetch)
    const e = await call('POST', '/api/activities/records', { body: {} }).catch((x) => x)
    expect(e.status).toBe(503)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0][1].signal).toBeUndefined()
  })
})
