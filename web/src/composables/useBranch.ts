import { useBranchStore } from '@/stores/branch'

/** The secretary's branch id, loaded once; a refusal (e.g. no member record) surfaces as the page's error. */
export function useBranch() {
  const store = useBranchStore()
  async function branchId(): Promise<string> {
    await store.load()
    if (store.error) throw store.error
    return store.branch!.id
  }
  return { store, branchId }
}
