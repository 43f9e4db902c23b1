/** The README documents every list and field of the schema (keeping it true as the schema grows). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { LISTS } from '../../src/model/schema';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('shows the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });

  it.each(LISTS.map((l) => [l.title, l] as const))('documents %s with every field', (_title, list) => {
    const section = readme.slice(readme.indexOf(`### ${list.title} – \`${list.url}\``));
    expect(section.length).toBeLessThan(readme.length);
    const table = section.slice(0, section.indexOf('\n### ') > 0 ? section.indexOf('\n### ') : section.indexOf('\n## '));
    for (const field of list.fields) {
      expect(table).toContain(`| ${field.name} | ${field.displayName} |`);
    }
  });
});
