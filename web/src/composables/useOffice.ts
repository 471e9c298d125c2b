import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useSessionStore } from '@/stores/session'

/**
 * For the pages the department admin and the work committee share (a department's compliance, a branch's scorecard,
 * a record): the department shown (the route's, else the caller's own) and where the links of this workspace go.
 */
export function useOffice() {
  const route = useRoute()
  const session = useSessionStore()
  const department = computed(() => String(route.params.department ?? session.session?.department ?? ''))
  const base = computed(() => (route.meta.workspace === 'committee' ? '/committee' : '/dept'))
  return {
    department,
    recordLink: (id: string) => `${base.value}/records/${encodeURIComponent(id)}`,
    scorecardLink: (branchId: string) => `${base.value}/scorecards/${encodeURIComponent(branchId)}`,
    departmentLink: (code: string) => `/committee/departments/${encodeURIComponent(code)}`,
    /** the rule sets: the department's override beside the city default */
    rulesLink: computed(() => `${base.value}/rules`),
  }
}
