import { describe, expect, it } from 'vitest';
import { parseCaption, type Block } from '../../src/story/markup.ts';
import { typesetBlocks, typesetter } from '../../src/story/typography.ts';
import { splitUnbreakable } from '../../src/story/unbreakable.ts';

// Marks the invisible characters, so that expectations read as the copy desk meant them.
const show = (s: string) => s.replaceAll('\u00a0', '⍽').replaceAll('\u2011', '‑̲');
const PLACES = ['Assal al-Ward', 'Ras al-Maara', 'al-Barouh', 'al-Jubbah', 'Tallat Musa', 'Jurud Arsal'];
const typeset = typesetter({ names: PLACES });
const t = (s: string) => show(typeset(s));

describe('quotes and apostrophes', () => {
  it('curls double quotes by what stands before them (sentences from the script)', () => {
    expect(t('called it a "pre-emptive strike". Al-Manar said attacks were "foiled".')).toBe(
      'called it a “pre-emptive strike”. Al‑̲Manar said attacks were “foiled”.',
    );
    expect(t('"Qalamoun is more of a media campaign than a real battle on the ground," Nader added.')).toBe(
      '“Qalamoun is more of a media campaign than a real battle on the ground,” Nader added.',
    );
    expect(t('there was "no such thing as" an Army of Conquest')).toBe('there was “no such thing as” an Army of Conquest');
  });

  it('opens a quote after a bracket or a dash', () => {
    expect(t('Gives 2,669 m for Tallat Musa ("Ta\'la\'t Musa").')).toBe('Gives 2,669⍽m for Tallat⍽Musa (“Ta’la’t Musa”).');
    expect(t('he said -- "we won"')).toBe('he said⍽— “we won”');
  });

  it('makes apostrophes of single quotes inside and after words, and pairs quoted single words', () => {
    expect(t("Hezbollah's leader; the rebels' supply lines; al-Nusra's last big stronghold")).toBe(
      'Hezbollah’s leader; the rebels’ supply lines; al‑̲Nusra’s last big stronghold',
    );
    expect(t("Iran 'proud' of Qalamoun victory: Khamenei aide")).toBe('Iran ‘proud’ of Qalamoun victory: Khamenei aide');
    expect(t("Hizbullah Seizes 'Strategic' Posts in Arsal Outskirts")).toBe('Hizbullah Seizes ‘Strategic’ Posts in Arsal Outskirts');
    expect(t("The Ma'br al-Kharbah crossing; Le Temps d'Algérie; back in the '90s")).toBe(
      'The Ma’br al‑̲Kharbah crossing; Le Temps d’Algérie; back in the ’90s',
    );
  });
});

describe('dashes', () => {
  it('gives number ranges an en dash, but leaves ISO dates and words alone', () => {
    expect(t('Push into Jurud Arsal, 3-7 June (schematic)')).toBe('Push into Jurud⍽Arsal, 3–7⍽June (schematic)');
    expect(t('on 2015-05-04, a Lebanon-Syria border post, pro-Hezbollah pages')).toBe(
      'on 2015-05-04, a Lebanon-Syria border post, pro-Hezbollah pages',
    );
  });

  it('gives a spaced range of dates an en dash, spaced as the date labels are', () => {
    expect(t('from 4 May - 21 June, and 2013 - April 2015')).toBe('from 4⍽May⍽– 21⍽June, and 2013⍽– April⍽2015');
  });

  it('makes "--" and a spaced hyphen an em dash, which never starts a line', () => {
    expect(t('the rebels -- and their allies - held on')).toBe('the rebels⍽— and their allies⍽— held on');
    expect(t('the rebels--and their allies')).toBe('the rebels—and their allies');
    expect(t('Before the offensive: 2013 – April 2015')).toBe('Before the offensive: 2013⍽– April⍽2015');
  });
});

describe('no-break spaces', () => {
  it('keeps a number with its unit', () => {
    expect(t('a Hezbollah official told Reuters about 100 km².')).toBe('a Hezbollah official told Reuters about 100⍽km².');
    expect(t('about 2,500 m according to Al-Manar, 2,669 m according to Wikipedia')).toBe(
      'about 2,500⍽m according to Al‑̲Manar, 2,669⍽m according to Wikipedia',
    );
    expect(t('a front 30 km long and 10 km wide; 2 more hills; 64 % of it')).toBe(
      'a front 30⍽km long and 10⍽km wide; 2 more hills; 64⍽% of it',
    );
  });

  it('keeps a day with its month, and a month with its year', () => {
    expect(t('On 13 May, after two days of fighting; The offensive: 4 May – 21 June 2015')).toBe(
      'On 13⍽May, after two days of fighting; The offensive: 4⍽May⍽– 21⍽June⍽2015',
    );
    expect(t('Between 25 and 28 March 2015; in 2015 May be')).toBe('Between 25 and 28⍽March⍽2015; in 2015 May be');
  });
});

describe('hyphens in place names', () => {
  it('never breaks the names of the places on the map, nor Arabic articles before a name', () => {
    expect(t('attacks on al-Jubbah and Assal al-Ward; Half of Ras al-Maara’s outskirts; al-Barouh')).toBe(
      'attacks on al‑̲Jubbah and Assal⍽al‑̲Ward; Half of Ras⍽al‑̲Maara’s outskirts; al‑̲Barouh',
    );
    expect(t('Al-Araby al-Jadeed; the Lebanese dailies As-Safir and Al-Akhbar; Ahrar al-Sham')).toBe(
      'Al‑̲Araby al‑̲Jadeed; the Lebanese dailies As‑̲Safir and Al‑̲Akhbar; Ahrar al‑̲Sham',
    );
  });

  it('leaves English compounds breakable', () => {
    expect(t('north-east of Baalbek; the Anti-Lebanon; special-operations; an-other')).toBe(
      'north-east of Baalbek; the Anti-Lebanon; special-operations; an-other',
    );
  });

  it('keeps plain hyphens in text that is only heard', () => {
    expect(show(typesetter({ names: PLACES, hyphens: false })('Map of Assal al-Ward and "Ras al-Maara"'))).toBe(
      'Map of Assal al-Ward and “Ras al-Maara”',
    );
  });

  it('gives the page each such word whole, with a plain hyphen for search and copying', () => {
    expect(splitUnbreakable(typeset('Assal al-Ward and al-Nusra’s, then Arsal'))).toEqual([
      { text: 'Assal\u00a0', whole: false },
      { text: 'al-Ward', whole: true },
      { text: ' and ', whole: false },
      { text: 'al-Nusra’s,', whole: true },
      { text: ' then Arsal', whole: false },
    ]);
  });
});

describe('what it leaves alone', () => {
  it('does not touch URLs or e-mail addresses', () => {
    const url = 'https://en.wikipedia.org/wiki/Qalamoun_offensive_(May-June_2015)';
    expect(t(`see ${url} or desk@example.org -- 'today'`)).toBe(`see ${url} or desk@example.org⍽— ‘today’`);
  });

  it('changes only the glyphs around the words: the letters stay as written', () => {
    const sentence =
      '"We are filled with pride and appreciation when we see that in recent days, the valiant Lebanese resistance (Hezbollah) has achieved great progress"';
    const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
    expect(letters(typeset(sentence))).toBe(letters(sentence));
    expect(typeset(sentence).length).toBe(sentence.length);
  });
});

describe('caption markup', () => {
  const blocks = (text: string): Block[] => typesetBlocks(parseCaption(text).blocks, typeset);

  it('typesets text nodes only, carrying the context across emphasis and links', () => {
    expect(blocks('He said "*we* won" on [13 May](https://example.org/a-b--c), at *Assal al-Ward*\'s edge.')).toEqual([
      {
        t: 'p',
        c: [
          'He said “',
          { t: 'em', c: ['we'] },
          ' won” on ',
          { t: 'link', href: 'https://example.org/a-b--c', c: ['13\u00a0May'] },
          ', at ',
          { t: 'em', c: ['Assal\u00a0al\u2011Ward'] },
          '’s edge.',
        ],
      },
    ]);
  });

  it('typesets block quotes and their attribution, each paragraph starting afresh', () => {
    const [quote] = blocks('> "this was a media battle in the first regard"\n> — Mohammed Afif, head of Hezbollah\'s media relations');
    expect(quote).toEqual({
      t: 'quote',
      c: [{ t: 'p', c: ['“this was a media battle in the first regard”'] }],
      by: ['Mohammed Afif, head of Hezbollah’s media relations'],
    });
  });
});
