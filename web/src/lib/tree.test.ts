import { describe, expect, it } from 'vitest'
import { buildTree } from './tree'

describe('the organization tree', () => {
  it('nests each organization under its parent; one whose parent is not listed is a root', () => {
    const tree = buildTree([
      { id: 'c', parentId: null }, { id: 'b1', parentId: 'c' }, { id: 'g1', parentId: 'b1' }, { id: 'b2', parentId: 'c' },
      { id: 'x', parentId: 'elsewhere' },
    ])
    const ids = (n: { item: { id: string }; children: unknown[] }[]): unknown => n.map((x) => [x.item.id, ids(x.children as never)])
    expect(ids(tree)).toEqual([['c', [['b1', [['g1', []]]], ['b2', []]]], ['x', []]])
  })
})
