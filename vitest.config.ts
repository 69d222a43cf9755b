import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const browserFake = fileURLToPath(new URL('./test/fakes/browser-fake.ts', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        resolve: { alias: { 'webextension-polyfill': browserFake } },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
          environment: 'node',
          // Property tests run thousands of cases: 5 s is too little when the machine is busy.
          // A timeout only bounds a hang; no test here asserts a duration.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
