import { analyse, buildLexicon, compoundRules, Decompounder, derivationalRoot, domainDecompounder, meetingWords, stem, tokenize } from './swedish-analyzer.js';
import { hunspellWords } from './hunspell-words.js';
import { FALSE_FRIENDS, TRUE_PAIRS } from '../testing/word-pairs.js';
import { testReference } from '../testing/reference.js';

/** The decompounder the model builds: the Swedish CPV labels plus the dictionary-sv word list. */
let decompounder: Decompounder;

beforeAll(() => {
  const reference = testReference();
  decompounder = domainDecompounder(
    reference.cpv.map((c) => c.labelSv),
    reference.dictionary ?? [],
  );
});

const terms = (text: string) => new Set(analyse(text, decompounder).map((t) => t.term));
/** The stems on which two texts meet (see MEETS), sorted. */
const shared = (a: string, b: string) => [...new Set(meetingWords(analyse(a, decompounder), analyse(b, decompounder)).map((m) => m.term))].sort();

describe('tokenize', () => {
  it.each<[string, string, string[]]>([
    ['lower-cases', 'STÄDNING Lokalvård', ['städning', 'lokalvård']],
    ['splits on any whitespace and trims', '  städning\t\n lokalvård \r\n ', ['städning', 'lokalvård']],
    ['splits on punctuation', 'städning, lokalvård; fönsterputs! (flytt) "snöröjning".', ['städning', 'lokalvård', 'fönsterputs', 'flytt', 'snöröjning']],
    ['splits on hyphens and slashes', 'fönster-putsning/flytt', ['fönster', 'putsning', 'flytt']],
    ['drops Snowball stop words', 'städning av skolor och förskolor', ['städning', 'skolor', 'förskolor']],
    ['drops the domain stop words', 'Vi erbjuder städning inom kommunen och söker samt levererar mat', ['städning', 'mat']],
    ['drops the vocabulary of procuring itself', 'Ramavtal för städning: upphandling av kommun, kommunens region, Skåne län, kv 3, avrop, anbud, inköp', ['städning', 'skåne']],
    ['drops the inflected forms of the procurement words', 'Ramavtalet ramavtalen upphandlingen upphandlingar direktupphandling avropet anbudet kommuner regionen', []],
    ['drops pure numbers', 'städning 2024 12 500 kr', ['städning', 'kr']],
    ['keeps tokens that mix letters and digits', 'Vägen E4', ['vägen', 'e4']],
    ['drops single letters', 'x y z städning', ['städning']],
    ['gives nothing for an empty text', '', []],
    ['gives nothing for stop words and numbers only', 'och i på 2024 – 12', []],
  ])('%s', (_what, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each(['Städning', 'FÖNSTERPUTSNING', 'Skötsel av grönytor', 'Återbruk och ärendehantering'])('gives the same NFC tokens for NFD input: %s', (text) => {
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text.normalize('NFC'));
    const tokens = tokenize(nfd);
    expect(tokens).toEqual(tokenize(text.normalize('NFC')));
    for (const token of tokens) expect(token).toBe(token.normalize('NFC'));
  });

  it('an NFD "ä" does not split a word', () => {
    expect(tokenize('sta\u0308dning')).toEqual(['städning']);
  });
});

describe('stem', () => {
  it.each<[string, string]>([
    ['städtjänster', 'städtjänst'],
    ['tjänster', 'tjänst'],
    ['reparationer', 'reparation'],
    ['trädgårdar', 'trädgård'],
    ['lokalvård', 'lokalvård'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['tjänst', 'tjänster', 'tjänsten', 'tjänsterna'],
    ['reparation', 'reparationer', 'reparationen'],
    ['trädgård', 'trädgårdar', 'trädgården'],
    ['städa', 'städar'],
  ])('inflected forms share a stem: %s', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });
});

describe('derivationalRoot', () => {
  it.each<[string, string | null]>([
    ['städning', 'städ'],
    ['snöröjning', 'snöröj'],
    ['putsning', 'puts'],
    ['flyttning', 'flytt'],
    // The root must keep at least three letters.
    ['ning', null],
    ['lening', null],
    ['städ', null],
    ['tjänst', null],
  ])('%s → %s', (stemmed, expected) => {
    expect(derivationalRoot(stemmed)).toBe(expected);
  });
});

describe('Decompounder (small lexicons: the splitting rules)', () => {
  it('splits into the two most frequent known parts', () => {
    const d = new Decompounder(
      new Map([
        ['städ', 4],
        ['tjänst', 10],
      ]),
    );
    expect(d.split('städtjänst')).toEqual(['städ', 'tjänst']);
  });

  it('drops the linking "s" and splits a modifier that is itself a compound', () => {
    const d = new Decompounder(
      new Map([
        ['lokal', 3],
        ['vård', 3],
        ['tjänst', 10],
      ]),
    );
    expect(d.split('lokalvårdstjänst')).toEqual(['lokalvård', 'tjänst']);
    // Only the first level: "lokal" and "vård" are parts of "lokalvård", not of the whole word.
    expect(d.parts('lokalvårdstjänst')).toEqual([
      { term: 'lokalvård', role: 'modifier' },
      { term: 'tjänst', role: 'head' },
    ]);
  });

  it('restores the consonant Swedish drops when three would meet (flytt + tjänst = flyttjänst)', () => {
    const d = new Decompounder(
      new Map([
        ['flytt', 5],
        ['tjänst', 10],
      ]),
    );
    expect(d.split('flyttjänst')).toEqual(['flytt', 'tjänst']);
  });

  it('keeps both readings of a doubled consonant at the join, since the spelling cannot tell (flyt|tjänst, flytt|tjänst)', () => {
    const d = new Decompounder(
      new Map([
        ['flyt', 20],
        ['flytt', 2],
        ['tjänst', 10],
      ]),
    );
    expect(d.split('flyttjänst')).toEqual(['flyt', 'tjänst']);
    expect(d.parts('flyttjänst')).toEqual([
      { term: 'flyt', role: 'modifier' },
      { term: 'tjänst', role: 'head' },
      { term: 'flytt', role: 'modifier' },
    ]);
    const food = new Decompounder(
      new Map([
        ['mat', 12],
        ['matt', 12],
        ['tillagning', 5],
      ]),
    );
    expect(
      food
        .parts('mattillagning')
        .map((p) => p.term)
        .sort(),
    ).toEqual(['mat', 'matt', 'tillagning']);
  });

  it('refuses a three-letter part that neither the domain texts nor the lexicon vouch for (verk|sam, leveran|tör)', () => {
    const lexicon = new Map([
      ['verk', 16],
      ['sam', 2],
      ['verksam', 3],
      ['mat', 12],
      ['låd', 2],
    ]);
    const d = new Decompounder(lexicon, new Map([['låd', 1]]));
    expect(d.split('verksam')).toBeNull();
    expect(d.split('matlåd')).toEqual(['mat', 'låd']);
  });

  it('never takes a stop word as a part', () => {
    const d = new Decompounder(
      new Map([
        ['till', 50],
        ['lagning', 5],
      ]),
    );
    expect(d.split('tillagning')).toBeNull();
  });

  it('leaves a word whole when it is more frequent than its parts', () => {
    const d = new Decompounder(
      new Map([
        ['städtjänst', 100],
        ['städ', 1],
        ['tjänst', 1],
      ]),
    );
    expect(d.split('städtjänst')).toBeNull();
    expect(d.parts('städtjänst')).toEqual([]);
  });

  it('leaves a word whole when no split into known parts exists', () => {
    const d = new Decompounder(new Map([['städ', 4]]));
    expect(d.split('städxyzq')).toBeNull();
  });

  it('uses no part shorter than three letters', () => {
    const d = new Decompounder(
      new Map([
        ['el', 50],
        ['arbete', 50],
      ]),
    );
    expect(d.split('elarbete')).toBeNull();
  });

  it('gives the first level only, however deep the compound', () => {
    const d = new Decompounder(
      new Map([
        ['aaa', 5],
        ['bbb', 5],
        ['ccc', 5],
        ['ddd', 5],
        ['eee', 5],
      ]),
    );
    const parts = d.parts('aaabbbcccdddeee');
    expect(parts.map((p) => p.role).sort()).toEqual(['head', 'modifier']);
    expect(parts.map((p) => p.term).join('')).toBe('aaabbbcccdddeee');
  });
});

describe("Decompounder with the dictionary's compound rules", () => {
  const rules = compoundRules([
    { word: 'hand', flags: 'ADJXY' },
    { word: 'duk', flags: 'AbDG' },
    { word: 'ledning', flags: 'ADfGvY' },
    { word: 'cykel', flags: 'AEIJUXY' },
    { word: 'verkstad', flags: 'ADvY' },
    { word: 'verk', flags: 'ADXY' },
    { word: 'stad', flags: 'ADXY' },
    { word: 'lokalvård', flags: 'ADY' },
    { word: 'tjänst', flags: 'ADHUXY' },
    { word: 'arbets', flags: 'UXZ' },
    { word: 'plats', flags: 'DHUXY' },
    { word: 'kontrakt', flags: 'ABDfvY' },
    { word: 'rakt', flags: '' },
  ]);
  const d = new Decompounder(new Map([['stad', 50]]), new Map(), rules);

  it('splits only where the dictionary lets a word begin and another end a compound', () => {
    expect(d.split('handledning')).toEqual(['hand', 'ledning']);
    // "duk" may not end a compound: "handduk" is a word of its own.
    expect(d.split('handduk')).toBeNull();
    expect(d.split('kontrakt')).toBeNull();
  });

  it('knows an inflected head by its stem, a modifier by its linking "s" or its compound-only form', () => {
    expect(d.split('lokalvårdstjänster')).toEqual(['lokalvård', 'tjänster']);
    expect(d.split('arbetsplatser')).toEqual(['arbets', 'platser']);
  });

  it('prefers a simple modifier to one that is itself a compound, however frequent the other head', () => {
    expect(d.split('cykelverkstad')).toEqual(['cykel', 'verkstad']);
  });
});

describe('buildLexicon', () => {
  it('counts stems, derivational roots and the words of a word list, without stop words', () => {
    const lexicon = buildLexicon(['Städning av skolor', 'Städning'], ['Cykel', 'och']);
    expect(lexicon.get('städning')).toBe(2);
    expect(lexicon.get('städ')).toBe(2);
    expect(lexicon.get('cykel')).toBe(1);
    expect(lexicon.has('och')).toBe(false);
    expect(lexicon.has('av')).toBe(false);
  });
});

describe('analyse with the project lexicon', () => {
  it.each<[string, string[]]>([
    ['städtjänster', ['städtjänst', 'städ', 'tjänst']],
    ['lokalvårdstjänster', ['lokalvårdstjänst', 'lokalvård', 'tjänst']],
    ['trädgårdsskötsel', ['trädgårdsskötsel', 'trädgård', 'skötsel']],
    // Compound parts are the dictionary's words, not stems: "fönster", not "fönst"; "kontor", not "kont".
    ['fönsterputsning', ['fönsterputsning', 'fönster', 'putsning', 'puts']],
    ['kontorsmaterial', ['kontorsmaterial', 'kontor', 'material']],
    // The consonant Swedish drops when three would meet is restored ("flytt"), next to the plain reading.
    ['flyttjänster', ['flyttjänst', 'flyt', 'flytt', 'tjänst']],
    ['cykelreparationer', ['cykelreparation', 'cykel', 'reparation']],
    ['städning', ['städning', 'städ']],
    ['snöröjning', ['snöröjning', 'snöröj', 'snö']],
  ])('%s has the terms %j', (word, expected) => {
    expect([...terms(word)]).toEqual(expect.arrayContaining(expected));
  });

  it.each<[string, string[]]>([
    ['kontorsmaterial', ['kont']],
    ['fönsterputsning', ['fönst']],
    ['verksamhet', ['sam']],
  ])('%s does not have the stemmed or unvouched parts %j', (word, absent) => {
    const all = terms(word);
    for (const term of absent) expect(all.has(term)).toBe(false);
  });

  it('gives a compound part as the dictionary writes it, and says its role', () => {
    const kontors = analyse('Kontorsmaterial', decompounder);
    expect(kontors).toEqual(
      expect.arrayContaining([
        { term: 'kontor', role: 'modifier', surface: 'kontorsmaterial' },
        { term: 'material', role: 'head', surface: 'kontorsmaterial' },
      ]),
    );
    const flytt = analyse('Flyttjänster', decompounder).filter((t) => t.role === 'modifier' || t.role === 'head');
    expect(flytt).toEqual([
      { term: 'flytt', role: 'modifier', surface: 'flyttjänster' },
      { term: 'tjänst', role: 'head', surface: 'flyttjänster' },
      { term: 'flyt', role: 'modifier', surface: 'flyttjänster' },
    ]);
  });

  it('gives the word first and its first-level parts after it, all from the same surface word', () => {
    const analysed = analyse('Lokalvårdstjänster', decompounder);
    expect(analysed[0]).toEqual({ term: 'lokalvårdstjänst', role: 'word', surface: 'lokalvårdstjänster' });
    const role = new Map(analysed.map((t) => [t.term, t.role]));
    expect(role.get('lokalvård')).toBe('modifier');
    expect(role.get('tjänst')).toBe('head');
    expect(role.has('lokal')).toBe(false);
    expect(role.has('vård')).toBe(false);
    for (const t of analysed) expect(t.surface).toBe('lokalvårdstjänster');
  });

  it('finds the dictionary words a word inflects, the dropped "e" put back ("cyklar" → "cykel")', () => {
    const lemmas = (word: string) =>
      analyse(word, decompounder)
        .filter((t) => t.role === 'lemma')
        .map((t) => t.term);
    expect(lemmas('cyklar')).toContain('cykel');
    expect(lemmas('nycklar')).toContain('nyckel');
    expect(lemmas('skolorna')).toContain('skola');
    expect(lemmas('städningen')).toEqual(['städning']);
    // A word the dictionary has is its own lemma: "brukare" is not "bruk", "skapa" is not "-skap".
    expect(lemmas('brukare')).toEqual(['brukare']);
    expect(lemmas('skapa')).toEqual(['skapa']);
  });

  it.each(['STÄDTJÄNSTER och Lokalvård', 'Fönsterputsning, trädgårdsskötsel'])('does not depend on case, whitespace or normalisation: %s', (text) => {
    const base = analyse(text, decompounder);
    expect(analyse(text.toUpperCase(), decompounder).map((t) => [t.term, t.role])).toEqual(base.map((t) => [t.term, t.role]));
    expect(analyse(text.toLowerCase(), decompounder).map((t) => [t.term, t.role])).toEqual(base.map((t) => [t.term, t.role]));
    expect(analyse(`  ${text.replace(/ /g, ' \t\n ')}  `, decompounder)).toEqual(base);
    expect(analyse(text.normalize('NFD'), decompounder)).toEqual(base);
  });

  // What a need and an enterprise must have in common for the text component to see them as related.
  it.each<[string, string, string[]]>([
    ['städtjänster', 'städning', ['städ']],
    ['Städtjänster', 'Vi städar kontor', ['städ']],
    ['lokalvårdstjänster', 'lokalvård', ['lokalvård']],
    ['Lokalvårdstjänster för förskolor', 'Lokalvård och städning', ['lokalvård']],
    ['trädgårdsskötsel', 'skötsel av trädgårdar', ['skötsel', 'trädgård']],
    ['trädgårdsskötsel', 'trädgård', ['trädgård']],
    ['fönsterputsning', 'putsning', ['putsning']],
    ['fönsterputsning', 'fönsterputs', ['fönsterputs']],
    ['kontorsmaterial', 'material till kontor', ['kontor', 'material']],
    ['cykelreparationer', 'reparation av cykel', ['cykel', 'reparation']],
    ['parkskötsel', 'skötsel av parker', ['park', 'skötsel']],
    ['snöröjning', 'snöröjning och halkbekämpning', ['snöröjning']],
  ])('"%s" and "%s" share %j', (need, enterprise, expected) => {
    expect(shared(need, enterprise)).toEqual(expect.arrayContaining(expected));
  });

  it.each<[string, string]>([
    ['städtjänster', 'cykelreparationer'],
    ['lokalvårdstjänster', 'trädgårdsskötsel'],
    ['kontorsmaterial', 'snöröjning'],
  ])('"%s" and "%s" share nothing', (a, b) => {
    expect(shared(a, b)).toEqual([]);
  });

  // Both readings of the doubled "t" are kept, so "flyttjänster" meets "flytt" although "flyt" (from "flyta") is more frequent.
  it.each<[string, string]>([
    ['flyttjänster', 'flytt'],
    ['flyttjänster', 'flyttning'],
  ])('three-consonant rule: "%s" shares exactly "flytt" with "%s"', (need, enterprise) => {
    expect(terms(need).has('flytt')).toBe(true);
    expect(shared(need, enterprise)).toEqual(['flytt']);
  });

  // Compound parts meet the same word written alone, as the dictionary writes it.
  it.each<[string, string, string[]]>([
    ['kontorsmaterial', 'kontor', ['kontor']],
    ['fönsterputsning', 'fönster', ['fönster']],
  ])('a compound part meets the same word written alone: "%s" and "%s" share exactly %j', (need, enterprise, expected) => {
    expect(shared(need, enterprise)).toEqual(expected);
  });

  // And where no consonant was dropped, the plain reading is still there: "mat" + "tillagning", "hus" + "städning".
  it.each<[string, string]>([
    ['mattillagning', 'mat'],
    ['husstädning', 'hus'],
  ])('a single consonant at the junction still meets the word alone: "%s" shares "%s"', (need, enterprise) => {
    expect(shared(need, enterprise)).toEqual([enterprise]);
  });
});

describe('only true reasons', () => {
  it.each(FALSE_FRIENDS)('"%s" and "%s" do not meet', (a, b) => {
    expect(meetingWords(analyse(a, decompounder), analyse(b, decompounder))).toEqual([]);
    expect(meetingWords(analyse(b, decompounder), analyse(a, decompounder))).toEqual([]);
  });

  it.each(TRUE_PAIRS)('"%s" and "%s" meet', (a, b) => {
    expect(meetingWords(analyse(a, decompounder), analyse(b, decompounder))).not.toEqual([]);
    expect(meetingWords(analyse(b, decompounder), analyse(a, decompounder))).not.toEqual([]);
  });
});

describe('hunspellWords', () => {
  it('keeps lower-case words, strips flags and the compound-only hyphen, drops names, abbreviations and digits', () => {
    const dic = ['7', 'abborr-/A', 'Stockholm/B', 'cykel/AB', 'A4', 'städning', 'e-post', 'tjänst/X', ''].join('\n');
    expect(hunspellWords(dic)).toEqual(['abborr', 'cykel', 'städning', 'tjänst']);
  });

  it('skips the count on the first line', () => {
    expect(hunspellWords('städ\ncykel')).toEqual(['cykel']);
  });
});
