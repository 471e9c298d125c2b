/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath, URL } from 'node:url'

const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080'
const proxied = ['/api', '/oauth2', '/login', '/logout', '/sign-in']

/**
 * Dev server only (never part of the build): answers GET /api/session itself when MOCK_SESSION names a demo user
 * (e.g. MOCK_SESSION=caizheng-secretary), for a gateway that does not have the endpoint yet. Every other call still
 * goes to the gateway, so the data is real and the browser must be signed in there.
 */
function mockSession(): Plugin {
  const users: Record<string, { name: string; department: string; roles: string[]; jurisdiction?: string }> = {
    'caizheng-secretary': { name: '财政局支部书记', department: 'caizheng', roles: ['BRANCH_SECRETARY', 'MEMBER'] },
    'jiaoyu-secretary': { name: '教育局支部书记', department: 'jiaoyu', roles: ['BRANCH_SECRETARY', 'MEMBER'] },
    'caizheng-member': { name: '财政局党员', department: 'caizheng', roles: ['MEMBER'] },
    'jiaoyu-member': { name: '教育局党员', department: 'jiaoyu', roles: ['MEMBER'] },
    'caizheng-admin': { name: '财政局机关党委', department: 'caizheng', roles: ['DEPT_ADMIN'] },
    'work-committee': { name: '市直机关工委', department: 'gongwei', roles: ['WORK_COMMITTEE_ADMIN'], jurisdiction: 'city' },
    'caizheng-inspector': { name: '财政局纪检干部', department: 'caizheng', roles: ['INSPECTOR'] },
  }
  return {
    name: 'dev-mock-session',
    apply: 'serve',
    configureServer(server) {
      const who = process.env.MOCK_SESSION
      if (!who || !users[who]) return
      server.middlewares.use('/api/session', (_req, res) => {
        const u = users[who]
        res.setHeader('Content-Type', 'application/json')
        res.end(JSON.stringify({ username: who, jurisdiction: null, ...u, branches: [],
          expiresAt: new Date(Date.now() + 3600_000).toISOString() }))
      })
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their styles imported on demand, so each route chunk carries only what it uses.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: 'src/components.d.ts' }),
    mockSession(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: gateway, changeOrigin: false, xfwd: true }])),
  },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // one chunk per workspace: a member's phone never loads the secretary's pages
        codeSplitting: {
          groups: [
            // ECharts and the chart panel, loaded only by the pages that draw charts (never by the member's phone)
            { name: 'charts', test: /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]|src[\\/]components[\\/]charts[\\/]/, priority: 4, includeDependenciesRecursively: false },
            // the library code pages of both workspaces use, loaded once whichever workspace opens first
            { name: 'ui', test: /node_modules/, minShareCount: 2, priority: 3 },
            // the app's own shared code (API clients, components), so neither workspace chunk owns it
            { name: 'common', test: /src[\\/](api|lib|components|composables|stores)[\\/]/, priority: 2 },
            ...['member', 'secretary', 'dept', 'committee', 'inspector'].map((w) => ({ name: `workspace-${w}`, test: new RegExp(`src[\\\\/]pages[\\\\/]${w}[\\\\/]`), priority: 1, includeDependenciesRecursively: false })),
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // one jsdom and one module graph per worker rather than per file: 15 s instead of 52 s for 22 files. The tests
    // that touch the page (stubbed fetch, mounted components) undo it after each test; the suite passes in any file order
    isolate: false,
    // component tests: Element Plus's components come with their CSS, which only Vite (not Node) can load
    server: { deps: { inline: ['element-plus'] } },
  },
})
