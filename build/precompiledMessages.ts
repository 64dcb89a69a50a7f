/**
 * The renderer's messages compiled at build time (P6), so the page ships vue-i18n's
 * runtime-only build without its message compiler (set up by @intlify/unplugin-vue-i18n
 * in electron.vite.config.ts). The messages stay TypeScript domain files
 * (src/renderer/src/i18n/<domain>.<locale>.ts, joined in en.ts and zh-CN.ts, some text
 * shared with main): this plugin evaluates a locale's entry file at build time and
 * compiles each message with vue-i18n's own compiler into the AST its runtime
 * interprets. A message that is plain text (no placeholder, plural or link) stays a
 * string, which the runtime shows as it is: an AST would only make the bundle bigger.
 * The page imports `virtual:wharf-messages/<locale>`.
 */
import { baseCompile } from '@intlify/message-compiler'
import { build } from 'esbuild'
import { resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import type { Plugin } from 'vite'

const PREFIX = 'virtual:wharf-messages/'
const RESOLVED = `\0${PREFIX}`

type Tree = { [key: string]: string | Tree }

/** The locale's messages as a plain object, and the files they came from (watched in dev). */
async function evaluate(entry: string, alias: Record<string, string>): Promise<{ messages: Tree; files: string[] }> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'neutral', write: false, metafile: true, alias, logLevel: 'silent' })
  const module = { exports: {} as { default?: Tree } }
  runInNewContext(out.outputFiles[0].text, { module, exports: module.exports })
  if (!module.exports.default) throw new Error(`${entry} has no default export of messages`)
  return { messages: module.exports.default, files: Object.keys(out.metafile.inputs).map((f) => resolve(f)) }
}

/** The messages as a JavaScript literal: plain text as strings, everything else as its AST. */
export function compileMessages(tree: Tree, minify: boolean, errors: string[], path = ''): string {
  const entries = Object.entries(tree).map(([key, value]) => {
    const at = path ? `${path}.${key}` : key
    if (typeof value !== 'string') return `${JSON.stringify(key)}:${compileMessages(value, minify, errors, at)}`
    const { ast } = baseCompile(value, { jit: true, location: false, minify, onError: (e) => errors.push(`${at}: ${e.message} in ${JSON.stringify(value)}`) })
    const node = ast as unknown as { b?: { s?: string }; body?: { static?: string } }
    const plain = (minify ? node.b?.s : node.body?.static) === value
    return `${JSON.stringify(key)}:${JSON.stringify(plain ? value : ast)}`
  })
  return `{${entries.join(',')}}`
}

export function precompiledMessages(options: { dir: string; alias: Record<string, string> }): Plugin {
  let production = true
  return {
    name: 'wharf-precompiled-messages',
    configResolved(config) {
      production = config.isProduction
    },
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith(RESOLVED)) return undefined
      const locale = id.slice(RESOLVED.length)
      if (!/^[a-zA-Z-]+$/.test(locale)) throw new Error(`No messages for the locale "${locale}"`)
      const { messages, files } = await evaluate(resolve(options.dir, `${locale}.ts`), options.alias)
      for (const file of files) this.addWatchFile(file)
      const errors: string[] = []
      const code = `export default ${compileMessages(messages, production, errors)}`
      if (errors.length) throw new Error(`Messages of ${locale} do not compile:\n${errors.join('\n')}`)
      return code
    },
  }
}
