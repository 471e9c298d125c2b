import { defineStore } from 'pinia'
import { ref } from 'vue'
import { orgApi, type MemberView, type OrganizationView } from '@/api/org'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'

/**
 * The secretary's branch, shared by every page of the workbench: the first its token names (the branches it was
 * elected to, the session's {@code branches}), else the branch of its own member record.
 */
export const useBranchStore = defineStore('branch', () => {
  const self = ref<MemberView | null>(null)
  const branch = ref<OrganizationView | null>(null)
  const error = ref<ApiError | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= (async () => {
      try {
        const session = useSessionStore()
        await session.load()
        self.value = await orgApi.me()
        branch.value = await orgApi.organization(session.session?.branches?.[0] ?? self.value.branchId)
      } catch (e) {
        error.value = e as ApiError
        loading = null
      }
    })()
    return loading
  }
  return { self, branch, error, load }
})
