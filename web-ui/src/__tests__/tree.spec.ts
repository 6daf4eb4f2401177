import { describe, expect, it } from 'vitest'
import { buildDepartmentTree, subtreeIds } from '@/utils/tree'
import { rolePermissionIds } from '@/api/org'

describe('department tree', () => {
  const flat = [
    { id: 1, name: '总部', parentId: null, status: 1 },
    { id: 2, name: '研发', parentId: 1, status: 1 },
    { id: 3, name: '平台组', parentId: 2, status: 1 },
    { id: 4, name: '市场', parentId: 1, status: 1 },
  ]

  it('nests a flat list by parentId', () => {
    const tree = buildDepartmentTree(flat)
    expect(tree.map((d) => d.name)).toEqual(['总部'])
    expect(tree[0]?.children.map((d) => d.name)).toEqual(['研发', '市场'])
    expect(tree[0]?.children[0]?.children.map((d) => d.name)).toEqual(['平台组'])
  })

  it('accepts an already nested list', () => {
    const nested = [{ id: 1, name: '总部', status: 1, children: [{ id: 2, name: '研发', parentId: 1, status: 1 }] }]
    const tree = buildDepartmentTree(nested)
    expect(tree).toHaveLength(1)
    expect(tree[0]?.children.map((d) => d.id)).toEqual([2])
  })

  it('makes departments whose parent is out of scope roots', () => {
    expect(buildDepartmentTree([{ id: 2, name: '研发', parentId: 1, status: 1 }]).map((d) => d.id)).toEqual([2])
  })

  it('lists a department and everything below it', () => {
    expect([...subtreeIds(buildDepartmentTree(flat), 2)].sort()).toEqual([2, 3])
  })
})

describe('role permissions', () => {
  const all = [
    { id: 10, code: 'task:view', name: '任务查看' },
    { id: 11, code: 'record:view', name: '记录查看' },
  ]

  it('normalises ids, codes and objects to ids', () => {
    expect(rolePermissionIds({ id: 1, name: 'r', status: 1, permissions: [10] }, all)).toEqual([10])
    expect(rolePermissionIds({ id: 1, name: 'r', status: 1, permissions: ['record:view'] }, all)).toEqual([11])
    expect(rolePermissionIds({ id: 1, name: 'r', status: 1, permissions: [{ id: 10, code: 'task:view', name: 'x' }] }, all)).toEqual([10])
  })
})
