import { defineConfig } from 'vite';

// The packages' browser entries, from their sources: the playground builds without building
// them first, and a Node built-in anywhere fails the build.
export default defineConfig({
  base: './',
  resolve: { conditions: ['browser', '@diagrama/source'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  server: { fs: { allow: ['../..'] } },
});
