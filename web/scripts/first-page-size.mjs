// Measures what the member's first page (/member, 首页) loads: the entry and everything it imports statically, plus
// the member workspace's lazy chunk and its imports, JS and CSS, each gzip-compressed (level 9) as a server would send
// it. Builds into target/size-check with Vite's manifest so the files are exactly those of `npm run build`.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const out = 'target/size-check'
execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', out, '--logLevel', 'error'], { stdio: 'inherit' })
const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'))

const files = new Set()
function take(key) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const css of chunk.css ?? []) files.add(css)
  for (const imported of chunk.imports ?? []) take(imported)
}
take('index.html')
// the chunk holding the member's 首页 (a workspace chunk: its manifest key is the chunk's, found through the entry)
const home = Object.entries(manifest).find(([, c]) => c.src === 'src/pages/member/HomePage.vue')?.[0]
  ?? manifest['index.html'].dynamicImports.find((k) => k.includes('workspace-member'))
if (!home) throw new Error('no chunk holds src/pages/member/HomePage.vue')
take(home)

let total = 0
const rows = [...files].map((f) => {
  const gz = gzipSync(readFileSync(join(out, f)), { level: 9 }).length
  total += gz
  return [f, gz]
}).sort((a, b) => b[1] - a[1])
for (const [f, gz] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`)
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  total JS+CSS (gzip) of the member's first page; limit 300 KB`)
process.exit(total <= 300 * 1024 ? 0 : 1)
