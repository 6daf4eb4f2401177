import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

const SERVER_SOURCES = join(__dirname, '../../../server/src/main/java')

/**
 * The calls through which the server names a translatable key, and which argument holds it: a rule becomes
 * `validation.<rule>`, a conflict kind `conflict.<kind>` (a conflict with only a message has no key).
 */
const KEYED_CALLS: Array<{ call: string; argument: number; prefix: string; minArguments: number }> = [
  { call: 'invalidField', argument: 1, prefix: 'validation', minArguments: 4 },
  { call: 'refuse', argument: 1, prefix: 'validation', minArguments: 4 },
  { call: 'refused', argument: 2, prefix: 'validation', minArguments: 4 },
  { call: 'headerRefused', argument: 1, prefix: 'validation', minArguments: 4 },
  { call: 'conflict', argument: 0, prefix: 'conflict', minArguments: 3 },
]

function javaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? javaFiles(join(dir, entry.name)) : entry.name.endsWith('.java') ? [join(dir, entry.name)] : [])
}

/** The arguments of the call whose opening parenthesis is at `open`, split at its own commas. */
function argumentsAt(source: string, open: number): string[] {
  const args: string[] = []
  let depth = 0
  let inString = false
  let current = ''
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i] as string
    if (inString) {
      inString = !(c === '"' && source[i - 1] !== '\\')
    } else if (c === '"') {
      inString = true
    } else if (c === '(') {
      depth++
    } else if (c === ')' && depth-- === 0) {
      return [...args, current.trim()]
    } else if (c === ',' && depth === 0) {
      args.push(current.trim())
      current = ''
      continue
    }
    current += c
  }
  return args
}

/** Every message key a server refusal can carry, read from the server's own sources. */
function serverKeys(): Set<string> {
  const keys = new Set<string>()
  for (const file of javaFiles(SERVER_SOURCES)) {
    const source = readFileSync(file, 'utf8')
    for (const { call, argument, prefix, minArguments } of KEYED_CALLS) {
      for (const match of source.matchAll(new RegExp(`\\b${call}\\(`, 'g'))) {
        const args = argumentsAt(source, match.index + match[0].length - 1)
        const literal = /^"(\w+)"$/.exec(args[argument] ?? '')
        if (args.length >= minArguments && literal) keys.add(`${prefix}.${literal[1]}`)
      }
    }
  }
  return keys
}

function consoleKeys(messages: { errors: { validation: object; conflict: object } }): Set<string> {
  return new Set([
    ...Object.keys(messages.errors.validation).map((rule) => `validation.${rule}`),
    ...Object.keys(messages.errors.conflict).map((kind) => `conflict.${kind}`),
  ])
}

describe('the texts of the server message keys', () => {
  const server = serverKeys()

  it('are found in the server sources', () => {
    expect(server).toContain('validation.required')
    expect(server).toContain('validation.headerName')
    expect(server).toContain('conflict.usernameTaken')
  })

  it.each([['zh-CN', zhCN], ['en', en]] as const)('cover every key the server sends, and no other, in %s', (_locale, messages) => {
    expect([...consoleKeys(messages)].sort()).toEqual([...server].sort())
  })
})
