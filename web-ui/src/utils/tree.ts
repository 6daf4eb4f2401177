import type { Department } from '@/api/org'

export interface DepartmentNode extends Department {
  children: DepartmentNode[]
}

/**
 * The department tree, whether the server lists departments flat (with parentId) or already nested. A parent
 * outside the caller's scope makes its child a root.
 */
export function buildDepartmentTree(departments: Department[]): DepartmentNode[] {
  const flat: Department[] = []
  const visit = (list: Department[]) => {
    for (const d of list) {
      flat.push(d)
      if (d.children?.length) visit(d.children)
    }
  }
  visit(departments)
  const nodes = new Map<number, DepartmentNode>()
  for (const d of flat) nodes.set(d.id, { ...d, children: [] })
  const roots: DepartmentNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export function flattenDepartments(departments: Department[]): Department[] {
  const out: Department[] = []
  const visit = (list: Department[]) => {
    for (const d of list) {
      out.push(d)
      if (d.children?.length) visit(d.children)
    }
  }
  visit(departments)
  return out
}

/** Ids of a department and everything below it (to keep a department from becoming its own descendant). */
export function subtreeIds(roots: DepartmentNode[], id: number): Set<number> {
  const ids = new Set<number>()
  const collect = (node: DepartmentNode) => {
    ids.add(node.id)
    node.children.forEach(collect)
  }
  const find = (list: DepartmentNode[]): boolean =>
    list.some((node) => (node.id === id ? (collect(node), true) : find(node.children)))
  find(roots)
  return ids
}
