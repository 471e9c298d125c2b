/** A flat list of organizations (each with its parent's id) as a tree, children in the list's order. */
export interface TreeNode<T> { item: T; children: TreeNode<T>[] }

export function buildTree<T extends { id: string; parentId: string | null }>(list: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(list.map((o) => [o.id, { item: o, children: [] as TreeNode<T>[] }]))
  const roots: TreeNode<T>[] = []
  for (const o of list) {
    const parent = o.parentId ? nodes.get(o.parentId) : undefined
    // a parent outside the list (another department's, or dissolved and filtered out) makes this a root
    ;(parent ? parent.children : roots).push(nodes.get(o.id)!)
  }
  return roots
}
