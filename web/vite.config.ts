import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Rollup } from 'vite';
import { defineConfig } from 'vitest/config';

const api = process.env.SILKPORT_API ?? 'http://127.0.0.1:8080';
const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const PORTAL = page('index.html');

/** Vendor chunks of the portal: each takes its packages and whatever only they import. */
const VENDOR_CHUNKS: Record<string, readonly string[]> = {
  react: ['react', 'react-dom', 'scheduler'],
  router: ['react-router', 'react-router-dom'],
  antd: ['antd', '@ant-design/icons'],
};

/** `antd` for `/x/node_modules/antd/es/button/index.js`, `@ant-design/icons` for a scoped one. */
function packageOf(id: string): string | undefined {
  const match = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  return match?.[1]?.replace(/\\/g, '/');
}

/**
 * Like the object form of `manualChunks` (a package and its dependencies), except that a
 * module another page (GraphiQL) imports on its own is never claimed: that page then loads
 * only the vendor chunks it really uses (React), never antd.
 */
function vendorChunks(): Rollup.GetManualChunk {
  const builds = new WeakMap<Rollup.ManualChunkMeta['getModuleInfo'], Map<string, string>>();
  return (id, { getModuleIds, getModuleInfo }) => {
    let chunks = builds.get(getModuleInfo);
    if (!chunks) {
      chunks = new Map<string, string>();
      const ids = [...getModuleIds()];
      for (const moduleId of ids) {
        const pkg = packageOf(moduleId);
        const name = Object.keys(VENDOR_CHUNKS).find((chunk) => pkg && VENDOR_CHUNKS[chunk]?.includes(pkg));
        if (name) chunks.set(moduleId, name);
      }
      // What the other pages reach without going through a vendor package.
      const otherPages = new Set<string>();
      const stack = ids.filter((m) => getModuleInfo(m)?.isEntry && m !== PORTAL);
      while (stack.length > 0) {
        const info = getModuleInfo(stack.pop()!);
        for (const dep of [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])]) {
          if (chunks.has(dep) || otherPages.has(dep)) continue;
          otherPages.add(dep);
          stack.push(dep);
        }
      }
      // Dependencies join the first vendor chunk that imports them.
      for (const name of Object.keys(VENDOR_CHUNKS)) {
        const pending = ids.filter((m) => chunks!.get(m) === name);
        while (pending.length > 0) {
          for (const dep of getModuleInfo(pending.pop()!)?.importedIds ?? []) {
            if (chunks.has(dep) || otherPages.has(dep)) continue;
            chunks.set(dep, name);
            pending.push(dep);
          }
        }
      }
      builds.set(getModuleInfo, chunks);
    }
    return chunks.get(id);
  };
}

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: api, changeOrigin: true, ws: true },
      // Files in and out of the catalog (imports, their reports, exports).
      '/uploads': { target: api, changeOrigin: true },
      '/imports': { target: api, changeOrigin: true },
      '/exports': { target: api, changeOrigin: true },
    },
  },
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Two pages: the portal, and GraphiQL bundled for offline use (`/graphiql.html`).
      // They share only the React chunk; neither loads the other's code.
      input: {
        index: PORTAL,
        graphiql: page('graphiql.html'),
      },
      // Only what vendorChunks() assigns: Rollup would otherwise pull every dependency of a
      // vendor chunk into it, even one the GraphiQL page imports too.
      output: { manualChunks: vendorChunks(), onlyExplicitManualChunks: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
