import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import {
  decodeText,
  DOCUMENT_EXCLUDE_GLOB,
  DOCUMENT_GLOB,
  isDocumentCandidate,
  isSkippedFolder,
  isTemplateFileName,
  loadTemplate,
  TEMPLATE_GLOB,
  templateIdOf,
  templateFileReason,
  templateSettingKind,
} from '../../src/core';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('file policy', () => {
  const candidates = ['README.md', 'docs/hla.md', 'docs/ADR-001.MD', 'docs/notes.markdown', 'docs/Plan.Markdown', '.github/design.md', 'build/arch.md', 'a.b/c.md', 'docs/.archdoc/x.md', 'docs/.md'];
  const others = [
    'notes.txt',
    'docs/md',
    'docs/file.mdx',
    'node_modules/pkg/README.md',
    'packages/a/node_modules/b/architecture.md',
    '.git/info/x.md',
    'out/doc.md',
    'web/dist/hla.md',
    '.archdoc/templates/decision-record.md',
    '.archdoc/templates/sub/x.markdown',
    'packages/a/.archdoc/templates/adr.md',
  ];

  it('takes *.md and *.markdown in any case, outside dependency, build and template folders', () => {
    for (const path of candidates) assert.equal(isDocumentCandidate(path), true, path);
    for (const path of others) assert.equal(isDocumentCandidate(path), false, path);
  });

  it('says the same in its search globs as in its functions', () => {
    const included = picomatch(DOCUMENT_GLOB, { dot: true });
    const excluded = picomatch(DOCUMENT_EXCLUDE_GLOB, { dot: true });
    for (const path of [...candidates, ...others]) assert.equal(included(path) && !excluded(path), isDocumentCandidate(path), path);
    const template = picomatch(TEMPLATE_GLOB, { dot: true });
    assert.equal(template('.archdoc/templates/adr.md'), true);
    assert.equal(template('.archdoc/templates/ADR.Markdown'), true);
    assert.equal(template('.archdoc/templates/sub/adr.md'), false);
    assert.equal(template('.archdoc/templates/notes.txt'), false);
  });

  it('skips a folder by its last name, and the template folder by its last two', () => {
    assert.equal(isSkippedFolder('/home/me/project/node_modules'), true);
    assert.equal(isSkippedFolder('C:\\work\\project\\.archdoc\\templates'), true);
    assert.equal(isSkippedFolder('./.archdoc/templates'), true);
    assert.equal(isSkippedFolder('/home/me/dist/project'), false);
    assert.equal(isSkippedFolder('.archdoc'), false);
    assert.equal(isSkippedFolder('templates'), false);
  });

  it('names templates by file name and reads setting entries as relative, absolute or URI', () => {
    assert.equal(templateIdOf('.archdoc/templates/decision-record.md'), 'decision-record');
    assert.equal(templateIdOf('C:\\t\\ADR.Markdown'), 'ADR');
    assert.equal(templateIdOf('plain'), 'plain');
    assert.equal(isTemplateFileName('adr.MD'), true);
    assert.equal(isTemplateFileName('adr.txt'), false);
    assert.equal(templateSettingKind('docs/template.md'), 'relative');
    assert.equal(templateSettingKind('/srv/templates/adr.md'), 'absolute');
    assert.equal(templateSettingKind('C:\\templates\\adr.md'), 'absolute');
    assert.equal(templateSettingKind('vscode-vfs://github/org/repo/adr.md'), 'uri');
  });

  it('knows a template file by the settings that name it or by its name, not by a word inside the name', () => {
    assert.equal(templateFileReason('/w/docs/decisions/adr.md', ['/w/docs/decisions/adr.md']), 'a template (--template or archdoc.templates)');
    assert.equal(templateFileReason('C:\\w\\adr.md', ['C:/w/adr.md']), 'a template (--template or archdoc.templates)');
    for (const name of ['adr-template.md', 'template.md', 'arc42_Template.MD', 'madr.template.markdown', '아키텍처-템플릿.md']) {
      assert.equal(templateFileReason(`/w/docs/${name}`, []), 'a template by its name (*-template.md)', name);
    }
    for (const name of ['template-engine.md', 'templates.md', 'mytemplate.md', 'adr-template.txt']) assert.equal(templateFileReason(`/w/docs/${name}`, []), undefined, name);
  });

  it('decodes UTF-8 only and names why not', () => {
    assert.deepEqual(decodeText(utf8('# 제목\n')), { ok: true, text: '# 제목\n' });
    assert.deepEqual(decodeText(new Uint8Array([0x23, 0x20, 0xc7, 0xd1])), { ok: false, reason: 'not valid UTF-8 (save it as UTF-8)' });
    assert.deepEqual(decodeText(new Uint8Array([0x23, 0x00])), { ok: false, reason: 'binary file (contains NUL bytes)' });
  });

  it('loads a template, or says why it cannot be used', () => {
    const loaded = loadTemplate('.archdoc/templates/adr.md', utf8('# ADR\n\n## Context\n- **Problem**: \n'));
    assert.equal(loaded.ok && loaded.template.id, 'adr');
    assert.equal(loaded.ok && loaded.template.title, 'ADR');
    assert.deepEqual(loadTemplate('x.md', utf8('just prose\n')), { ok: false, reason: 'has no headings, so it defines nothing to check' });
    assert.deepEqual(loadTemplate('x.md', new Uint8Array([0xff, 0xfe, 0x23])), { ok: false, reason: 'not valid UTF-8 (save it as UTF-8)' });
  });
});
