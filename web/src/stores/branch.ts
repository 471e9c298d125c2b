import { defineStore } from 'pinia'
import { ref } from 'vue'
import { orgApi, type MemberView, type OrganizationView } from '@/api/org'
import { ApiError } from '@/api/http'

/** The secretary's own branch (from its member record), shared by every page of the workbench. */
export const useBranchStore = defineStore('branch', () => {
  const self = ref<MemberView | null>(null)
  const branch = ref<OrganizationView | null>(null)
  const error = ref<ApiError | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= (async () => {
      try {
        self.value = await orgApi.me()
        branch.value = await orgApi.organization(self.value.branchId)
      } catch (e) {
        error.value = e as ApiError
        loading = null
      }
    })()
    return loading
  }
  return { self, branch, error, load }
})
