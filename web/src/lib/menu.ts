/**
 * Workspaces and their menus, from the caller's roles. One workspace per role; a caller with several roles (a branch
 * secretary is also a member) has several and switches between them. A workspace without pages yet is not offered.
 */
export type Role = 'MEMBER' | 'BRANCH_SECRETARY' | 'DEPT_ADMIN' | 'WORK_COMMITTEE_ADMIN' | 'INSPECTOR'
export type WorkspaceId = 'member' | 'secretary' | 'department' | 'committee' | 'inspector'

export interface MenuItem {
  /** the route's name (the router holds the same names) */
  name: string
  path: string
  title: string
  icon: string
  /** shown in the phone's bottom tab bar */
  tab?: boolean
}

export interface Workspace {
  id: WorkspaceId
  title: string
  role: Role
  menu: MenuItem[]
}

export const WORKSPACES: Workspace[] = [
  {
    id: 'member', title: '党员', role: 'MEMBER', menu: [
      { name: 'member-home', path: '/member', title: '首页', icon: 'HomeFilled', tab: true },
      { name: 'member-checkin', path: '/member/checkin', title: '签到', icon: 'Stamp', tab: true },
      { name: 'member-study', path: '/member/study', title: '学习', icon: 'Reading', tab: true },
      { name: 'member-exams', path: '/member/exams', title: '考试', icon: 'EditPen', tab: true },
      { name: 'member-dues', path: '/member/dues', title: '党费', icon: 'Wallet' },
      { name: 'member-me', path: '/member/me', title: '我的', icon: 'User', tab: true },
      { name: 'lead-receipt', path: '/lead-receipt', title: '举报查询', icon: 'Reading' },
    ],
  },
  {
    id: 'secretary', title: '支部工作台', role: 'BRANCH_SECRETARY', menu: [
      { name: 'secretary-home', path: '/secretary', title: '支部概况', icon: 'DataBoard' },
      { name: 'secretary-sittings', path: '/secretary/sittings', title: '组织生活', icon: 'Calendar' },
      { name: 'secretary-appraisals', path: '/secretary/appraisals', title: '民主评议', icon: 'Medal' },
      { name: 'secretary-study', path: '/secretary/study', title: '学习管理', icon: 'Reading' },
      { name: 'secretary-roster', path: '/secretary/roster', title: '支部党员', icon: 'UserFilled' },
      { name: 'secretary-dues', path: '/secretary/dues', title: '党费收缴', icon: 'Wallet' },
      { name: 'secretary-transfers', path: '/secretary/transfers', title: '组织关系转接', icon: 'Switch' },
    ],
  },
    {
    id: 'department', title: '部门机关党委', role: 'DEPT_ADMIN', menu: [
      { name: 'dept-compliance', path: '/dept', title: '合规看板', icon: 'DataBoard' },
      { name: 'dept-org', path: '/dept/organizations', title: '组织架构', icon: 'Switch' },
      { name: 'dept-members', path: '/dept/members', title: '党员管理', icon: 'UserFilled' },
      { name: 'dept-transfers', path: '/dept/transfers', title: '组织关系转接', icon: 'Switch' },
      { name: 'dept-dues', path: '/dept/dues', title: '党费', icon: 'Wallet' },
      { name: 'dept-scorecards', path: '/dept/scorecards', title: '考核排名', icon: 'Medal' },
      { name: 'dept-rules', path: '/dept/rules', title: '规则', icon: 'Reading' },
      { name: 'dept-rectifications', path: '/dept/rectifications', title: '整改督办', icon: 'Calendar' },
    ],
  },
  {
    id: 'committee', title: '市直机关工委', role: 'WORK_COMMITTEE_ADMIN', menu: [
      { name: 'committee-dashboard', path: '/committee', title: '全市看板', icon: 'DataBoard' },
      { name: 'committee-rules', path: '/committee/rules', title: '规则与考核', icon: 'Reading' },
      { name: 'committee-rule-versions', path: '/committee/rule-versions', title: '规则版本', icon: 'Stamp' },
      { name: 'committee-rectifications', path: '/committee/rectifications', title: '整改督办', icon: 'Calendar' },
      { name: 'committee-role-grants', path: '/committee/role-grants', title: '角色授权', icon: 'UserFilled' },
    ],
  },
  {
    id: 'inspector', title: '纪检监督', role: 'INSPECTOR', menu: [
      { name: 'inspector-leads', path: '/inspector', title: '问题线索', icon: 'EditPen' },
      { name: 'inspector-sanctions', path: '/inspector/sanctions', title: '党纪处分', icon: 'Stamp' },
      { name: 'inspector-rectifications', path: '/inspector/rectifications', title: '整改台账', icon: 'Calendar' },
      { name: 'inspector-risk-points', path: '/inspector/risk-points', title: '廉政风险点', icon: 'Switch' },
      { name: 'inspector-supervision', path: '/inspector/supervision', title: '日常监督', icon: 'Stamp' },
      { name: 'inspector-accountability', path: '/inspector/accountability', title: '问责与通报', icon: 'Medal' },
      { name: 'inspector-statistics', path: '/inspector/statistics', title: '监督统计', icon: 'DataBoard' },
      { name: 'inspector-audit', path: '/inspector/audit', title: '审计记录', icon: 'Reading' },
    ],
  },
]

export function workspacesFor(roles: readonly string[]): Workspace[] {
  return WORKSPACES.filter((w) => roles.includes(w.role) && w.menu.length > 0)
}

export function workspace(id: WorkspaceId): Workspace {
  return WORKSPACES.find((w) => w.id === id)!
}

/** May a caller with these roles open a page of this workspace? */
export function mayOpen(roles: readonly string[], id: WorkspaceId): boolean {
  return roles.includes(workspace(id).role)
}

/** Where a caller lands after sign-in: the first workspace it has (the office one before the member's). */
export function homeFor(roles: readonly string[]): string | null {
  const order: WorkspaceId[] = ['committee', 'department', 'inspector', 'secretary', 'member']
  const mine = workspacesFor(roles)
  const first = order.map((id) => mine.find((w) => w.id === id)).find(Boolean)
  return first ? first.menu[0].path : null
}

/** The menu entry a path belongs to (the longest matching prefix), for the highlighted item and the breadcrumb. */
export function activeItem(ws: Workspace, path: string): MenuItem | undefined {
  return [...ws.menu].sort((a, b) => b.path.length - a.path.length)
    .find((m) => path === m.path || path.startsWith(m.path + '/'))
}
