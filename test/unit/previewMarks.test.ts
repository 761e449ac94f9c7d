import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { analyze, builtinTemplates, compileTemplate } from '../../src/core';
import { markOpenSlots } from '../../src/report/previewMarks';

const TEMPLATE = compileTemplate(
  'service-design',
  '# Service Design\n\n## Context\n- **Problem**: \n- **Constraints**: \n\n## Decision\n| Option | Reason |\n| --- | --- |\n|  |  |\n\n## Risks\n- **Risk**: \n',
);
const templates = [TEMPLATE, ...builtinTemplates()];

/** A real markdown-it with the plugin, analysing each source as the editor would (counting the analyses). */
function preview() {
  const md = new MarkdownIt({ html: true });
  const seen: string[] = [];
  markOpenSlots(md, (src, env) => {
    seen.push((env as { name?: string }).name ?? '');
    return analyze(src, { templates });
  });
  return { md, seen };
}

const DOCUMENT =
  '# Service Design: <script>alert(1)</script>\n\n## Context\n- **Problem**: slow pages\n- **Constraints**: \n\n## Decision\n| Option | Reason |\n| --- | --- |\n| Redis |  |\n\n## Risks\n- **Risk**: region outage\n';

describe('preview marks (markdown-it plugin)', () => {
  it('puts a filled/total badge after each section heading', () => {
    const { md, seen } = preview();
    const html = md.render(DOCUMENT, { name: 'doc' });
    assert.deepEqual(seen, ['doc']);
    assert.match(html, /<h2>Context <span class="archdoc-badge archdoc-partial" title="1 of 2 slots filled" aria-label="1 of 2 slots filled">1\/2<\/span><\/h2>/u);
    // A table row with a blank cell is one open slot.
    assert.match(html, /<h2>Decision <span class="archdoc-badge archdoc-empty"[^>]*>0\/1<\/span><\/h2>/u);
    assert.match(html, /<h2>Risks <span class="archdoc-badge archdoc-complete"[^>]*>1\/1<\/span><\/h2>/u);
  });

  it('highlights the blocks holding an open slot, with the finding as tooltip, and leaves filled ones alone', () => {
    const html = preview().md.render(DOCUMENT, {});
    assert.match(html, /<li class="archdoc-open" title="[^"]*Constraints[^"]*"><strong>Constraints<\/strong>:<\/li>/u);
    assert.match(html, /<li><strong>Problem<\/strong>: slow pages<\/li>/u);
    assert.match(html, /<tr class="archdoc-open" title="[^"]*Reason[^"]*">\n<td>Redis<\/td>/u);
    assert.equal((html.match(/archdoc-open/gu) ?? []).length, 2);
  });

  it('words the badges in Korean with locale ko', () => {
    const md = new MarkdownIt({ html: true });
    markOpenSlots(md, (src) => analyze(src, { templates, locale: 'ko' }), { locale: 'ko' });
    const html = md.render(DOCUMENT);
    assert.match(html, /<h2>Context <span class="archdoc-badge archdoc-partial" title="슬롯 2개 중 1개 채움" aria-label="슬롯 2개 중 1개 채움">1\/2<\/span><\/h2>/u);
    assert.doesNotMatch(html, /slots filled/u);
  });

  it('leaves other Markdown as markdown-it renders it', () => {
    const text = '# Notes\n\n## Context\n- **Problem**: \n';
    const { md } = preview();
    assert.equal(md.render(text), new MarkdownIt({ html: true }).render(text));
  });
});
