import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/** The editor contributions in package.json hang together: commands, menus, keys, colours, context keys. */
describe('package.json contributions', () => {
  const contributes = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).contributes;
  const source = readdirSync(join(repoRoot, 'src/vscode'))
    .map((name) => readFileSync(join(repoRoot, 'src/vscode', name), 'utf8'))
    .join('\n');

  it('menus and keys name only contributed commands, and every contributed command is registered', () => {
    const commands = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));
    const used = [...Object.values(contributes.menus).flat(), ...contributes.keybindings].map((entry) => (entry as { command: string }).command);
    for (const command of used) assert.ok(commands.has(command), command);
    for (const command of commands) assert.ok(source.includes(`registerCommand('${command}'`), `${command} is registered`);
  });

  it('context keys in when clauses are set by the adapters', () => {
    const whens = [...Object.values(contributes.menus).flat(), ...contributes.viewsWelcome, ...contributes.keybindings].map((entry) => (entry as { when?: string }).when ?? '').join(' ');
    // `view == archdoc.sections` names the view, not a context key.
    const keys = new Set([...whens.matchAll(/\barchdoc\.\w+/gu)].map((m) => m[0]).filter((key) => key !== 'archdoc.sections'));
    assert.ok(keys.has('archdoc.canInsertTemplate'));
    for (const key of keys) assert.ok(source.includes(`'setContext', '${key}'`), `${key} is set`);
  });

  it('the template button shows only where the template can go or the document is one', () => {
    const button = contributes.menus['editor/title'].find((entry: { command: string }) => entry.command === 'archdoc.insertTemplate');
    assert.match(button.when, /archdoc\.canInsertTemplate/u);
  });

  it('binds next/previous open slot in Markdown editors only', () => {
    const bindings = contributes.keybindings as Array<{ command: string; key: string; when: string }>;
    assert.deepEqual(bindings.map((binding) => binding.command).sort(), ['archdoc.nextSlot', 'archdoc.previousSlot']);
    for (const binding of bindings) {
      assert.match(binding.when, /editorLangId == markdown/u);
      // The host test checks the Linux defaults; on macOS ⌘⌥[ and ⌘⌥] are Fold and Unfold.
      assert.doesNotMatch((binding as { mac?: string }).mac ?? binding.key, /^cmd\+alt\+[[\]]$/u);
    }
  });

  it('colours open slots in every theme kind, in no red that reads as an error', () => {
    for (const color of contributes.colors as Array<{ id: string; defaults: Record<string, string> }>) {
      assert.deepEqual(Object.keys(color.defaults).sort(), ['dark', 'highContrast', 'highContrastLight', 'light'], color.id);
      for (const value of Object.values(color.defaults)) {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));
        assert.ok(!(r > 0x80 && r > 2 * g && r > 2 * b), `${color.id}: ${value} is red`);
      }
    }
    assert.ok(source.includes("ThemeColor('archdoc.openSlotBackground')"));
  });
});
