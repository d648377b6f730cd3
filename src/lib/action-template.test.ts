import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  placeholderNote,
  type TemplateValues,
  unknownPlaceholders,
} from './action-template.ts';

/** The text a reader sees (what NextAction renders, without its markup). */
function shownText(template: string, values: TemplateValues): string {
  return parseTemplate(template, values)
    .map((s) => (s.kind === 'text' || s.kind === 'value' ? s.text : placeholderNote(s)))
    .join('');
}

describe('action templates', () => {
  const lead = { full_name: 'Jane Doe', product: 'home', estimated_premium: 1250 };

  it('fills known placeholders with the lead fields', () => {
    expect(shownText('Call {{full_name}} about the {{product}} quote', lead)).toBe(
      'Call Jane Doe about the home quote',
    );
    expect(shownText('Premium {{ estimated_premium }}', lead)).toBe('Premium $1,250');
  });

  it('marks unknown and empty placeholders visibly instead of leaving braces', () => {
    const text = shownText('Ask {{spouse}} and {{}} via {{email}} or {{first_name}}', lead);
    expect(text).toBe(
      'Ask [unknown field: spouse] and [unknown field: empty] via [no email] or [no first name]',
    );
    expect(text).not.toContain('{{');
    expect(unknownPlaceholders('{{full_name}} {{spouse}} {{ pet }}')).toEqual(['spouse', 'pet']);
  });

  it('keeps HTML in templates and values as inert text segments', () => {
    const segments = parseTemplate('<b>{{full_name}}</b>', {
      full_name: '<img src=x onerror=alert(1)>',
    });
    expect(segments).toEqual([
      { kind: 'text', text: '<b>' },
      { kind: 'value', field: 'full_name', text: '<img src=x onerror=alert(1)>' },
      { kind: 'text', text: '</b>' },
    ]);
  });
});
