import { ref } from 'vue'
import { ApiError } from '@/api/http'
import { notify } from '@/lib/notify'

/** A one-button action (check in, open check-in, pay a month): one at a time, the outcome said in words. */
export function useAction() {
  const busy = ref<string | null>(null)
  async function run<R>(key: string, action: () => Promise<R>, done?: string): Promise<R | undefined> {
    if (busy.value) return undefined
    busy.value = key
    try {
      const r = await action()
      if (done) notify.success(done)
      return r
    } catch (e) {
      notify.error(e instanceof ApiError ? e.message : String(e))
      return undefined
    } finally {
      busy.value = null
    }
  }
  return { busy, run }
}
