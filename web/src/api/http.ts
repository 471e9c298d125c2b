/**
 * The one fetch wrapper every API client goes through: it sends the language and, on writes, the CSRF header from the
 * XSRF-TOKEN cookie; turns problems into ApiError; on 401 (the session ended) saves open form drafts and sends the
 * browser to sign-in, which brings it back to the same page; and remembers the server's clock from the Date header.
 */
import type { Problem } from '@/lib/problem'
import { saveOpenDrafts } from '@/lib/drafts'
import { serverClock, type ServerClock } from '@/lib/countdown'

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
  }
  get status(): number {
    return this.problem.status
  }
}

export interface Answer<T> {
  data: T
  clock: ServerClock
}

let lastClock: ServerClock = serverClock(null, performance.now(), () => performance.now())

/** The server's clock as of the latest answer. */
export function currentServerClock(): ServerClock {
  return lastClock
}

export function csrfToken(cookies: string = document.cookie): string | null {
  const m = cookies.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/)
  return m ? decodeURIComponent(m[1]) : null
}

export function signInUrl(location: { pathname: string; search: string; hash: string }): string {
  return `/sign-in?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`
}

type Query = Record<string, string | number | boolean | null | undefined>

function url(path: string, query?: Query): string {
  if (!query) return path
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `${path}?${s}` : path
}

export async function call<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'zh-CN' }
  if (method !== 'GET') {
    const token = csrfToken()
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(url(path, options.query), {
      method, headers, credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError({ status: 0, title: '网络连接失败', detail: '无法连接到平台，请检查网络后重试。' })
  }
  const receivedAt = performance.now()
  const clock = serverClock(res.headers.get('Date'), receivedAt, () => performance.now())
  lastClock = clock
  if (res.status === 401) {
    saveOpenDrafts()
    window.location.assign(signInUrl(window.location))
    // the page is leaving; nothing after this should render an error
    await new Promise(() => undefined)
  }
  const text = await res.text()
  const json = text ? safeJson(text) : null
  if (!res.ok) {
    const problem: Problem = json && typeof json === 'object'
      ? { status: res.status, ...(json as object) } as Problem
      : { status: res.status, title: defaultTitle(res.status) }
    throw new ApiError(problem)
  }
  return { data: json as T, clock }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function defaultTitle(status: number): string {
  if (status === 403) return '无权访问'
  if (status === 404) return '未找到'
  if (status === 503) return '服务暂不可用，请稍后重试'
  return `请求未成功（${status}）`
}

export const http = {
  get: async <T>(path: string, query?: Query) => (await call<T>('GET', path, { query })).data,
  post: async <T>(path: string, body?: unknown, query?: Query) => (await call<T>('POST', path, { body, query })).data,
  put: async <T>(path: string, body?: unknown) => (await call<T>('PUT', path, { body })).data,
  del: async <T>(path: string) => (await call<T>('DELETE', path)).data,
}
