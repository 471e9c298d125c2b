import { describe, expect, it } from 'vitest'
import { activeItem, homeFor, mayOpen, workspace, workspacesFor } from './menu'

describe('menu from roles', () => {
  it('gives a secretary, who is also a member, both workspaces', () => {
    expect(workspacesFor(['BRANCH_SECRETARY', 'MEMBER']).map((w) => w.id)).toEqual(['member', 'secretary'])
    expect(homeFor(['MEMBER', 'BRANCH_SECRETARY'])).toBe('/secretary')
  })
  it('gives a member only the member workspace, with the phone tabs', () => {
    const ws = workspacesFor(['MEMBER'])
    expect(ws.map((w) => w.id)).toEqual(['member'])
    expect(ws[0].menu.map((m) => m.title)).toEqual(['首页', '签到', '学习', '考试', '党费', '我的', '举报查询'])
    expect(ws[0].menu.filter((m) => m.tab).map((m) => m.title)).toEqual(['首页', '签到', '学习', '考试', '我的'])
    expect(homeFor(['MEMBER'])).toBe('/member')
  })
  it('lets a member not open the secretary workbench', () => {
    expect(mayOpen(['MEMBER'], 'secretary')).toBe(false)
    expect(mayOpen(['MEMBER', 'BRANCH_SECRETARY'], 'secretary')).toBe(true)
  })
  it('lands each office role on its own workspace, the office one before the member\'s', () => {
    expect(homeFor(['DEPT_ADMIN'])).toBe('/dept')
    expect(homeFor(['WORK_COMMITTEE_ADMIN'])).toBe('/committee')
    expect(homeFor(['INSPECTOR', 'MEMBER'])).toBe('/inspector')
    expect(workspacesFor(['INSPECTOR']).map((w) => w.menu.map((m) => m.title))).toEqual([['问题线索', '党纪处分', '整改台账', '廉政风险点', '日常监督', '问责与通报', '监督统计', '审计记录']])
    expect(homeFor([])).toBeNull()
    expect(workspacesFor([])).toEqual([])
  })
  it('lets a department admin not open the inspector\'s pages', () => {
    expect(mayOpen(['DEPT_ADMIN'], 'inspector')).toBe(false)
    expect(mayOpen(['DEPT_ADMIN'], 'committee')).toBe(false)
  })
  it('highlights the menu item of a nested page', () => {
    expect(activeItem(workspace('member'), '/member/checkin/demo-1')?.title).toBe('签到')
    expect(activeItem(workspace('member'), '/member')?.title).toBe('首页')
    expect(activeItem(workspace('secretary'), '/secretary/sittings/abc')?.title).toBe('组织生活')
    expect(activeItem(workspace('department'), '/dept/scorecards/b1')?.title).toBe('考核排名')
    expect(activeItem(workspace('department'), '/dept')?.title).toBe('合规看板')
  })
})
