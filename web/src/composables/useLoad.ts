import { ref, shallowRef, type Ref } from 'vue'
import { ApiError } from '@/api/http'

/** Loads data for a page: loading, error and data, and reload after a change. */
export function useLoad<T>(fn: () => Promise<T>, immediate = true) {
  const data = shallowRef<T | null>(null) as Ref<T | null>
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)
  async function reload(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      data.value = await fn()
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) })
    } finally {
      loading.value = false
    }
  }
  if (immediate) void reload()
  return { data, error, loading, reload }
}
