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
    expect(ws[0].menu.map((m) => m.title)).toEqual(['首页', '签到', '学习', '考试', '党费', '我的'])
    expect(ws[0].menu.filter((m) => m.tab).map((m) => m.title)).toEqual(['首页', '签到', '学习', '考试', '我的'])
    expect(homeFor(['MEMBER'])).toBe('/member')
  })
  it('lets a member not open the secretary workbench', () => {
    expect(mayOpen(['MEMBER'], 'secretary')).toBe(false)
    expect(mayOpen(['MEMBER', 'BRANCH_SECRETARY'], 'secretary')).toBe(true)
  })
  it('offers no workspace that has no pages yet', () => {
    expect(workspacesFor(['DEPT_ADMIN'])).toEqual([])
    expect(homeFor(['INSPECTOR'])).toBeNull()
    expect(workspacesFor([])).toEqual([])
  })
  it('highlights the menu item of a nested page', () => {
    expect(activeItem(workspace('member'), '/member/checkin/demo-1')?.title).toBe('签到')
    expect(activeItem(workspace('member'), '/member')?.title).toBe('首页')
    expect(activeItem(workspace('secretary'), '/secretary/sittings/abc')?.title).toBe('组织生活')
  })
})
