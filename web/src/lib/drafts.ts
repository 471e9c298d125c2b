/**
 * Form drafts kept across a sign-in: when a call answers 401 the app saves every open form here before the browser
 * leaves for sign-in, and the form restores it when it opens again on the same page.
 */
const PREFIX = 'draft:'
const open = new Map<string, () => unknown>()

export function registerDraft(key: string, read: () => unknown): () => void {
  open.set(key, read)
  return () => open.delete(key)
}

export function saveOpenDrafts(storage: Storage = sessionStorage): void {
  for (const [key, read] of open) storage.setItem(PREFIX + key, JSON.stringify(read()))
}

export function takeDraft<T>(key: string, storage: Storage = sessionStorage): T | null {
  const text = storage.getItem(PREFIX + key)
  if (text == null) return null
  storage.removeItem(PREFIX + key)
  return JSON.parse(text) as T
}
