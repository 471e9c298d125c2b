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

/** One page of a list, as every paged list endpoint answers it (page counts from 0). */
export interface Page<T> { content: T[]; page: number; size: number; totalElements: number; totalPages: number }

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

/** How long a read (a GET of data, not a file) may go unanswered before it is asked once more. */
export const READ_TIMEOUT_MS = 20_000
const RETRIED_STATUSES = [502, 503, 504]

/**
 * One request: language, CSRF header on writes, 401 to sign-in; the answer's body is left to the caller. A read
 * ({@code retry}) that gets no answer within {@link READ_TIMEOUT_MS}, fails on the network or meets a gateway that
 * could not reach its service is asked once more: it changes nothing, and a page should not wait for good on one lost
 * request. Writes are sent once (a second try could do the thing twice).
 */
async function send(method: string, path: string, options: { query?: Query; body?: BodyInit; json?: boolean; accept?: string; retry?: boolean }): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', 'Accept-Language': 'zh-CN' }
  if (method !== 'GET') {
    const token = csrfToken()
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  if (options.json) headers['Content-Type'] = 'application/json'
  const once = async (): Promise<Response> => {
    const abort = options.retry ? new AbortController() : undefined
    const timer = abort && setTimeout(() => abort.abort(), READ_TIMEOUT_MS)
    try {
      return await fetch(url(path, options.query), { method, headers, credentials: 'same-origin', body: options.body, signal: abort?.signal })
    } finally {
      clearTimeout(timer)
    }
  }
  let res: Response
  try {
    res = await once().catch((lost) => { if (options.retry) return once(); throw lost })
    if (options.retry && RETRIED_STATUSES.includes(res.status)) res = await once()
  } catch {
    throw new ApiError({ status: 0, title: '网络连接失败', detail: '无法连接到平台，请检查网络后重试。' })
  }
  const receivedAt = performance.now()
  lastClock = serverClock(res.headers.get('Date'), receivedAt, () => performance.now())
  if (res.status === 401) {
    saveOpenDrafts()
    window.location.assign(signInUrl(window.location))
    // the page is leaving; nothing after this should render an error
    await new Promise(() => undefined)
  }
  return res
}

async function problemOf(res: Response): Promise<ApiError> {
  const json = safeJson(await res.text())
  return new ApiError(json && typeof json === 'object'
    ? { status: res.status, ...(json as object) } as Problem
    : { status: res.status, title: defaultTitle(res.status) })
}

export async function call<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<Answer<T>> {
  const res = await send(method, path, {
    query: options.query, json: options.body !== undefined,
    body: options.body === undefined ? undefined : JSON.stringify(options.body), retry: method === 'GET',
  })
  const clock = lastClock
  if (!res.ok) throw await problemOf(res)
  const text = await res.text()
  return { data: (text ? safeJson(text) : null) as T, clock }
}

/**
 * A file upload (multipart). Some refusals carry a report rather than a problem (a roster import answers 422 with
 * its row-by-row report): {@code reportStatuses} are the statuses whose body is returned as the answer.
 */
export async function upload<T>(path: string, form: FormData, reportStatuses: number[] = []): Promise<{ status: number; data: T }> {
  const res = await send('POST', path, { body: form })
  if (!res.ok && !reportStatuses.includes(res.status)) throw await problemOf(res)
  return { status: res.status, data: safeJson(await res.text()) as T }
}

/**
 * A file the server builds (an .xlsx or .docx export), saved under the server's file name; with a {@code body} it is
 * asked for by a POST (a file that is the outcome of an action, e.g. the one-time passwords of 批量开通账号).
 */
export async function download(path: string, query?: Query, fallbackName = 'export.xlsx', body?: unknown): Promise<void> {
  const res = await send(body === undefined ? 'GET' : 'POST', path, {
    query, accept: '*/*', json: body !== undefined, body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw await problemOf(res)
  saveBlob(await res.blob(), fileName(res.headers.get('Content-Disposition')) ?? fallbackName)
}

/** The file name of a Content-Disposition header (RFC 5987 filename* first, as the services write Chinese names). */
export function fileName(disposition: string | null): string | null {
  if (!disposition) return null
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)
  if (star) return decodeURIComponent(star[1])
  const plain = disposition.match(/filename="?([^";]+)"?/i)
  return plain ? plain[1] : null
}

export function saveBlob(blob: Blob, name: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
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
