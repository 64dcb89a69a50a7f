import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { cspMeta } from './src/shared/csp'

/**
 * Writes the CSP <meta> into the built index.html right after the charset, ahead of every
 * script and style it must cover. Build only: the dev server's page gets main's header
 * instead (Electron's onHeadersReceived reaches http://localhost), which Vite's client
 * lives with.
 */
function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />'
  return {
    name: 'wharf-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const policy = cspMeta()
      if (/["<>&]/.test(policy)) throw new Error('The CSP needs escaping for an HTML attribute')
      if (!html.includes(charset)) throw new Error(`index.html lost its ${charset}; the CSP <meta> goes right after it`)
      return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // conf is an ES module; main is CommonJS, where an external's default export would
      // be its namespace. Bundled, rollup joins the two correctly.
      externalizeDeps: { exclude: ['conf'] },
      rollupOptions: {
        // server.ts is browser mode's plain-Node entry, built beside Electron's main.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          server: resolve(__dirname, 'src/main/server.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') },
    },
    plugins: [vue(), contentSecurityPolicy()],
    build: {
      minify: process.env.WHARF_NO_MINIFY ? false : 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
