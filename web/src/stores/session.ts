import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { sessionApi, type Session } from '@/api/session'
import { workspacesFor } from '@/lib/menu'
import { ApiError } from '@/api/http'

/** The signed-in caller, shared by the layout, the router guard and the pages that need the caller's identity. */
export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null)
  const error = ref<ApiError | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= sessionApi.get().then((s) => { session.value = s }, (e) => { error.value = e as ApiError })
    return loading
  }

  const roles = computed(() => session.value?.roles ?? [])
  const workspaces = computed(() => workspacesFor(roles.value))
  return { session, error, roles, workspaces, load }
})
