import { onBeforeUnmount, reactive, ref, watch } from 'vue'
import { ApiError } from '@/api/http'
import { toFormErrors } from '@/lib/problem'
import { registerDraft, takeDraft } from '@/lib/drafts'

/**
 * A form's state: the values (restored from a draft saved before a sign-in), the server's reasons beside the fields,
 * and one save at a time (a double click does not send twice). A refused save keeps what was typed.
 */
export function useForm<T extends object>(draftKey: string | null, initial: T, fields: readonly string[]) {
  const model = reactive(structuredClone(initial)) as T
  const restored = draftKey ? takeDraft<T>(draftKey) : null
  if (restored) Object.assign(model, restored)
  const errors = ref<Record<string, string>>({})
  const general = ref<string[]>([])
  const saving = ref(false)
  if (draftKey) onBeforeUnmount(registerDraft(draftKey, () => model))
  // a field's reason disappears once the user changes the value
  watch(() => JSON.stringify(model), () => { if (Object.keys(errors.value).length) errors.value = {} })

  async function submit<R>(save: () => Promise<R>): Promise<R | undefined> {
    if (saving.value) return undefined
    saving.value = true
    general.value = []
    try {
      const result = await save()
      errors.value = {}
      return result
    } catch (e) {
      const mapped = e instanceof ApiError ? toFormErrors(e.problem, fields) : { fields: {}, general: [String(e)] }
      errors.value = mapped.fields
      general.value = mapped.general
      return undefined
    } finally {
      saving.value = false
    }
  }

  function reset(values: T = initial): void {
    Object.assign(model, structuredClone(values))
    errors.value = {}
    general.value = []
  }
  return { model, errors, general, saving, submit, reset, restored: !!restored }
}
