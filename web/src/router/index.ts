import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import AppLayout from '@/layout/AppLayout.vue'
import { homeFor, mayOpen, type WorkspaceId } from '@/lib/menu'
import { useSessionStore } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    workspace?: WorkspaceId
    /** breadcrumb text of this page below its menu item */
    crumb?: string
  }
}

const page = (workspace: WorkspaceId, routes: RouteRecordRaw[]): RouteRecordRaw[] =>
  routes.map((r) => ({ ...r, meta: { ...r.meta, workspace } }))

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/pages/NoWorkspacePage.vue') },
      ...page('member', [
        { path: 'member', name: 'member-home', component: () => import('@/pages/member/HomePage.vue') },
        { path: 'member/checkin', name: 'member-checkin', component: () => import('@/pages/member/CheckInListPage.vue') },
        { path: 'member/checkin/:activityId', name: 'member-checkin-one', component: () => import('@/pages/member/CheckInPage.vue'), meta: { crumb: '签到' } },
        { path: 'member/study', name: 'member-study', component: () => import('@/pages/member/StudyPage.vue') },
        { path: 'member/study/:materialId', name: 'member-material', component: () => import('@/pages/member/MaterialPage.vue'), meta: { crumb: '学习资料' } },
        { path: 'member/exams', name: 'member-exams', component: () => import('@/pages/member/ExamsPage.vue') },
        { path: 'member/exams/:examId', name: 'member-exam', component: () => import('@/pages/member/ExamPage.vue'), meta: { crumb: '答题' } },
        { path: 'member/dues', name: 'member-dues', component: () => import('@/pages/member/DuesPage.vue') },
        { path: 'member/me', name: 'member-me', component: () => import('@/pages/member/MePage.vue') },
      ]),
      ...page('secretary', [
        { path: 'secretary', name: 'secretary-home', component: () => import('@/pages/secretary/OverviewPage.vue') },
        { path: 'secretary/sittings', name: 'secretary-sittings', component: () => import('@/pages/secretary/SittingsPage.vue') },
        { path: 'secretary/sittings/new', name: 'secretary-sitting-new', component: () => import('@/pages/secretary/NewSittingPage.vue'), meta: { crumb: '新建' } },
        { path: 'secretary/sittings/:id', name: 'secretary-sitting', component: () => import('@/pages/secretary/SittingPage.vue'), meta: { crumb: '会议详情' } },
        { path: 'secretary/appraisals', name: 'secretary-appraisals', component: () => import('@/pages/secretary/AppraisalsPage.vue') },
        { path: 'secretary/study', name: 'secretary-study', component: () => import('@/pages/secretary/StudyAdminPage.vue') },
        { path: 'secretary/roster', name: 'secretary-roster', component: () => import('@/pages/secretary/RosterPage.vue') },
        { path: 'secretary/dues', name: 'secretary-dues', component: () => import('@/pages/secretary/DuesCollectionPage.vue') },
        { path: 'secretary/transfers', name: 'secretary-transfers', component: () => import('@/pages/dept/TransfersPage.vue') },
      ]),
      ...page('department', [
        { path: 'dept', name: 'dept-compliance', component: () => import('@/pages/dept/CompliancePage.vue') },
        { path: 'dept/organizations', name: 'dept-org', component: () => import('@/pages/dept/OrgTreePage.vue') },
        { path: 'dept/members', name: 'dept-members', component: () => import('@/pages/dept/MembersPage.vue') },
        { path: 'dept/members/:id', name: 'dept-member', component: () => import('@/pages/dept/MemberPage.vue'), meta: { crumb: '党员详情' } },
        { path: 'dept/transfers', name: 'dept-transfers', component: () => import('@/pages/dept/TransfersPage.vue') },
        { path: 'dept/dues', name: 'dept-dues', component: () => import('@/pages/dept/DuesPage.vue') },
        { path: 'dept/scorecards', name: 'dept-scorecards', component: () => import('@/pages/dept/ScorecardsPage.vue') },
        { path: 'dept/scorecards/:branchId', name: 'dept-scorecard', component: () => import('@/pages/dept/ScorecardPage.vue'), meta: { crumb: '支部考核得分' } },
        { path: 'dept/rectifications', name: 'dept-rectifications', component: () => import('@/pages/inspector/RectificationsPage.vue') },
        { path: 'dept/rules', name: 'dept-rules', component: () => import('@/pages/committee/RulesPage.vue') },
        { path: 'dept/records/:id', name: 'dept-record', component: () => import('@/pages/dept/RecordPage.vue'), meta: { crumb: '记录详情' } },
      ]),
      ...page('committee', [
        { path: 'committee', name: 'committee-dashboard', component: () => import('@/pages/committee/CityDashboardPage.vue') },
        { path: 'committee/rules', name: 'committee-rules', component: () => import('@/pages/committee/RulesPage.vue') },
        { path: 'committee/rule-versions', name: 'committee-rule-versions', component: () => import('@/pages/committee/VersionedRulesPage.vue') },
        { path: 'committee/rectifications', name: 'committee-rectifications', component: () => import('@/pages/inspector/RectificationsPage.vue') },
        { path: 'committee/role-grants', name: 'committee-role-grants', component: () => import('@/pages/committee/RoleGrantsPage.vue') },
        // the drill-down: a department's compliance → a branch's scorecard → a record (the department admin's pages)
        { path: 'committee/departments/:department', name: 'committee-department', component: () => import('@/pages/dept/CompliancePage.vue'), meta: { crumb: '部门合规' } },
        { path: 'committee/scorecards/:branchId', name: 'committee-scorecard', component: () => import('@/pages/dept/ScorecardPage.vue'), meta: { crumb: '支部考核得分' } },
        { path: 'committee/records/:id', name: 'committee-record', component: () => import('@/pages/dept/RecordPage.vue'), meta: { crumb: '记录详情' } },
      ]),
      ...page('inspector', [
        { path: 'inspector', name: 'inspector-leads', component: () => import('@/pages/inspector/LeadsPage.vue') },
        { path: 'inspector/leads/:id', name: 'inspector-lead', component: () => import('@/pages/inspector/LeadPage.vue'), meta: { crumb: '线索详情' } },
        { path: 'inspector/sanctions', name: 'inspector-sanctions', component: () => import('@/pages/inspector/SanctionsPage.vue') },
        { path: 'inspector/rectifications', name: 'inspector-rectifications', component: () => import('@/pages/inspector/RectificationsPage.vue') },
        { path: 'inspector/rectifications/:id', name: 'inspector-rectification', component: () => import('@/pages/inspector/RectificationPage.vue'), meta: { crumb: '整改事项' } },
        { path: 'inspector/supervision', name: 'inspector-supervision', component: () => import('@/pages/inspector/SupervisionPage.vue') },
        { path: 'inspector/risk-points', name: 'inspector-risk-points', component: () => import('@/pages/inspector/RiskPointsPage.vue') },
        { path: 'inspector/accountability', name: 'inspector-accountability', component: () => import('@/pages/inspector/AccountabilityPage.vue') },
        { path: 'inspector/statistics', name: 'inspector-statistics', component: () => import('@/pages/inspector/StatisticsPage.vue') },
        { path: 'inspector/audit', name: 'inspector-audit', component: () => import('@/pages/inspector/AuditPage.vue') },
      ]),
      // open to everyone signed in, whatever the workspace: an anonymous reporter's status by its receipt code
      { path: 'lead-receipt', name: 'lead-receipt', component: () => import('@/pages/ReceiptCheckPage.vue') },
      { path: 'no-access', name: 'forbidden', component: () => import('@/pages/ForbiddenPage.vue') },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue') },
    ],
  },
  // the city dashboard on a 1920 × 1080 screen: no menu around it
  {
    path: '/committee/big-screen', name: 'committee-big-screen', component: () => import('@/pages/committee/CityDashboardPage.vue'),
    props: { big: true }, meta: { workspace: 'committee' },
  },
  // full screen for the meeting room: no menu around the QR code
  {
    path: '/secretary/sittings/:id/qr', name: 'secretary-qr', component: () => import('@/pages/secretary/CheckInQrPage.vue'),
    meta: { workspace: 'secretary' },
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const store = useSessionStore()
  await store.load()
  if (!store.session) return true // the layout shows why (e.g. the platform is unreachable)
  if (to.name === 'home') {
    const home = homeFor(store.roles)
    if (home) return { path: home, replace: true }
  }
  const ws = to.meta.workspace
  if (ws && !mayOpen(store.roles, ws)) {
    return { name: 'forbidden', query: { from: to.fullPath }, replace: true }
  }
  return true
})

// a lazy chunk that cannot load (a new version was deployed since this page opened): load the page afresh
router.onError((error, to) => {
  if (/dynamically imported module|Importing a module script failed/.test(String(error?.message))) window.location.assign(to.fullPath)
})
