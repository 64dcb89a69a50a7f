import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const alias = { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  test: {
    // One engine under test: files run one after another so timing checks stay honest.
    fileParallelism: false,
    projects: [
      {
        plugins: [vue()],
        resolve: { alias },
        test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        // The desktop bridge as Electron loads it: runs on the built app (npm test builds first).
        resolve: { alias },
        test: { name: 'desktop', include: ['tests/desktop/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/integration/support/globalSetup.ts'],
        },
      },
    ],
  },
})
