import { keywordLiteral } from '../nlu/lazy-pattern';
import { foldLatin, normalise } from '../nlu/text';
import { CONCEPTS } from './lexicon';

/**
 * Terms of a text for retrieval: concept tokens ("#return"), folded words, CJK/Thai character bigrams and
 * single Han characters.
 */
export interface AnalysedText {
  /** Concept ids found, once per phrase that names them. */
  concepts: string[];
  /** Words and bigrams left once concept phrases are taken out; repeated as often as they occur. */
  words: string[];
}

export const conceptTerm = (id: string) => `#${id}`;

const fold = (text: string) => foldLatin(normalise(text));

const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}';
const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, 'u');
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const ARABIC_START = /^\p{Script=Arabic}/u;
// Arabic glues the article and short prepositions to the word: "والشحن" is "and the shipping".
const ARABIC_PREFIX = '(?:ال|وال|بال|فال|لل|و|ب|ل|ف)?';

function termPattern(raw: string): string {
  const prefix = raw.endsWith('*');
  const term = fold(prefix ? raw.slice(0, -1) : raw).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (UNSPACED_CHAR.test(term)) return term;
  const start = `(?<!${WORD_CHAR})${ARABIC_START.test(term) ? ARABIC_PREFIX : ''}`;
  return `${start}${term}${prefix ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`}`;
}

/** A concept's expression, compiled the first time a text holds one of its words (see LazyPattern). */
class ConceptPattern {
  private compiled?: RegExp;
  private readonly literals: string[];
  private readonly terms: string[];

  constructor(
    readonly id: string,
    terms: readonly string[],
  ) {
    // Longest first, so that "how long" is taken whole before "long" could be.
    this.terms = [...new Set(terms)].sort((a, b) => b.length - a.length);
    this.literals = [...new Set(this.terms.map((term) => keywordLiteral(fold(term))))];
  }

  for(folded: string): RegExp | undefined {
    if (!this.literals.some((literal) => folded.includes(literal))) return undefined;
    this.compiled ??= new RegExp(this.terms.map(termPattern).join('|'), 'gu');
    return this.compiled;
  }
}

const CONCEPT_PATTERNS = CONCEPTS.map((concept) => new ConceptPattern(concept.id, concept.terms));

const TOKEN = new RegExp(`[${UNSPACED}]+|(?:(?![${UNSPACED}])${WORD_CHAR})+`, 'gu');

/**
 * Function words of the languages stores most often write their FAQ in. Without them "do", "you" and
 * "the" would count as question words that no document holds, and lower the confidence of right answers.
 */
const STOPWORDS = new Set(
  [
    'a an and are as at be by can could did do does for from have how i if in is it its me my of on or our',
    'should so that the their them there they this to was we what where which who why will with would you your',
    'el la los las un una unos unas de del y o en es por para con que como mi mis se lo le puedo',
    'le la les un une des de du et ou en est pour avec que qui comment mon ma mes je vous il elle ce',
    'der die das ein eine einen und oder ist mit für von zu wie ich mein meine sie es den dem kann',
    'il lo la gli le un una di del e o è per con che come mio mia posso',
    'o a os as um uma de do da e ou é para com que como meu minha posso',
    'de het een en of is met voor van hoe ik mijn kan',
    // Auxiliaries and pronouns that carry a question, not its topic, where the FAQ may be translated.
    'habe hast hat haben bin bist sind muss musst müssen darf soll etwas bis noch man nach im am',
    'ai as avez peux peut pouvez dois doit faut on au aux',
    'tengo tiene tienen hay hasta debo puede pueden algo al',
    'heb hebt heeft moet mag iets om',
    // Requests and courtesies: in the shopper's words, never in an answer.
    'want need like please help hi hello thanks thank quiero necesito favor hola gracias veux voudrais',
    'besoin merci bonjour möchte brauche bitte hallo danke voglio vorrei grazie ciao quero preciso obrigado',
    'obrigada olá wil graag bedankt chcę proszę dziękuję хочу пожалуйста спасибо istiyorum lütfen',
    'teşekkürler mau ingin tolong terima kasih muốn cần xin cảm ơn',
    // "Policy" names the kind of question, not its subject: "return policy" asks about returns.
    'policy policies política políticas politique politik politica beleid polityka политика',
  ]
    .join(' ')
    .split(' ')
    .map(fold),
);

/**
 * Question particles and pronouns of Chinese and Japanese, which every question holds and no answer does;
 * left in, their bigrams outnumber the words that matter in a short question. Longest first.
 */
const UNSPACED_FILLER = new RegExp(
  [
    'でしょうか',
    'について',
    'ください',
    'できます',
    'ですか',
    'ますか',
    'したい',
    'です',
    'ます',
    '请问',
    '請問',
    '可以',
    '怎么',
    '怎麼',
    '怎样',
    '如何',
    '什么',
    '什麼',
    '你们',
    '你們',
    '我们',
    '我們',
    '[吗嗎呢吧啊的了我你您是要能のはがをにかねよ]',
  ].join('|'),
  'gu',
);

/** Korean glues case particles to the noun: "배송은", "가격이". */
const HANGUL_PARTICLE = /^(\p{Script=Hangul}{2,})(?:은|는|을|를|이|가|에|도|의|로|으로|에서)$/u;

/** Plural and tense endings off, so "returns" meets "returned"; crude, but the same on both sides. */
function stem(word: string): string {
  if (/^\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "wrapping" and "shipped" lose the consonant the suffix doubled: "wrap", "ship". */
function undouble(word: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(word) && !/(ll|ss|zz)$/.test(word) ? word.slice(0, -1) : word;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) grams.push(`${chars[index]}${chars[index + 1]}`);
  return grams;
}

export function analyseText(text: string): AnalysedText {
  const folded = fold(text);
  // Code units, not characters: a match never ends inside a surrogate pair, so blanking by unit is safe.
  const units = folded.split('');
  const concepts: string[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  // Every concept reads the whole text, so "возврат денег" is both a return and a refund. A match lying
  // wholly inside an earlier concept's phrase is only part of it: "how much time" asks about a duration,
  // not a fee, though it holds "how much".
  for (const concept of CONCEPT_PATTERNS) {
    const pattern = concept.for(folded);
    if (!pattern) continue;
    const id = concept.id;
    for (const match of folded.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (taken.some((span) => span.start <= start && end <= span.end)) continue;
      concepts.push(id);
      for (let at = start; at < end; at++) units[at] = ' ';
    }
    for (const match of folded.matchAll(pattern)) {
      const start = match.index ?? 0;
      taken.push({ start, end: start + match[0].length });
    }
  }
  // The matched phrase stands for the concept now; blanking it keeps its words from counting twice.
  const rest = units.join('').replace(UNSPACED_FILLER, ' ');
  const words: string[] = [];
  for (const raw of rest.match(TOKEN) ?? []) {
    const token = raw.replace(HANGUL_PARTICLE, '$1');
    if (UNSPACED_CHAR.test(token)) {
      words.push(...bigrams(token));
      // A Han character is a word on its own more often than not; it rescues paraphrases ("谁付" for
      // "谁支付") that share no bigram. Kana, Hangul and Thai characters are mostly sounds, not words.
      if (Array.from(token).length > 1) words.push(...Array.from(token).filter((char) => HAN.test(char)));
    } else if (!STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token))) words.push(stem(token));
  }
  return { concepts, words };
}
