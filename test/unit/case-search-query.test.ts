import { describe, expect, it } from 'vitest';
import { tagOf } from '../../src/core/cases/case-study.js';
import { MAX_SEARCH_WORDS, parseCaseQuery } from '../../src/core/cases/search-query.js';
import { findSynonyms, searchablePhrases } from '../../src/core/cases/synonyms.js';
import { tokenize } from '../../src/core/commands/tokenize.js';

const parse = (text: string) => parseCaseQuery(tokenize(text));

describe('parseCaseQuery', () => {
  it('takes filters and the page out of the words', () => {
    const query = parse('legacy mentoring staff:nurses region:north-west type:mental-health theme:flexible page:3');
    expect(query.filters).toEqual({ staff: 'nurses', region: 'north west', type: 'mental health', theme: 'flexible' });
    expect(query.page).toBe(2);
    expect(query.terms.words).toEqual(['legacy', 'mentoring']);
    expect(query.typed).toEqual(['legacy', 'mentoring', 'staff:nurses', 'region:north-west', 'type:mental-health', 'theme:flexible']);
  });

  it('turns a phrase of the synonym list into its group, leaving the other words', () => {
    const query = parse('retire and return for nurses');
    expect(query.terms.words).toEqual(['for', 'nurses']);
    expect(query.terms.groups).toHaveLength(1);
    expect(query.terms.groups[0]).toContain('flexible retirement');
  });

  it('matches abbreviations in any case and with punctuation around them', () => {
    expect(parse('NQ').terms.groups[0]).toContain('newly qualified');
    expect(parse('(AHPs),').terms.groups[0]).toContain('allied health');
    expect(parse('retirees').terms.groups[0]).toContain('retirement');
  });

  it('keeps a quoted phrase as a phrase and words that look like syntax as words', () => {
    expect(parse('"staff survey" -nurses OR *').terms.words).toEqual(['"staff survey"', '-nurses', 'OR', '*']);
    expect(parse("'; DROP TABLE x; --").terms.words).toEqual(["';", 'DROP', 'TABLE', 'x;', '--']);
  });

  it('treats unknown keys as words, and keeps at most a couple of dozen words', () => {
    expect(parse('http://example.org nurses').terms.words).toEqual(['http://example.org', 'nurses']);
    expect(parse('word '.repeat(100)).terms.words).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe('synonyms', () => {
  it('uses each word once, longest phrase first', () => {
    const { groups, used } = findSynonyms(['flexible', 'retirement', 'retirement']);
    expect(groups).toHaveLength(2);
    expect(used).toEqual([true, true, true]);
  });

  it('leaves out phrases that hold a shorter phrase of the same group', () => {
    expect(searchablePhrases(['nq', 'newly qualified', 'newly qualified staff'])).toEqual(['nq', 'newly qualified']);
  });
});

describe('tagOf', () => {
  it('writes themes in one form', () => {
    expect(tagOf('  Flexible Retirement ')).toBe('flexible-retirement');
    expect(tagOf('Belong, Thrive, Stay!')).toBe('belong-thrive-stay');
    expect(tagOf('***')).toBe('');
  });
});
