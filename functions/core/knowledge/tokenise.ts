import {
  foldText,
  hasUnspacedScript,
  KeywordMatcher,
  leftmostLongest,
  tokenise,
  type WordToken,
} from '../text';
import { concepts } from './lexicon';

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

const fold = foldText;

const HAN = /\p{Script=Han}/u;

let conceptMatcher: KeywordMatcher<number> | undefined;

/** Built on first use: every concept's terms in one automaton, grouped by the concept's index. */
function conceptMatcherOnce(): KeywordMatcher<number> {
  conceptMatcher ??= new KeywordMatcher(concepts().map((concept, index) => [index, concept.terms] as const));
  return conceptMatcher;
}

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
    'cual cuales son esta estan su sus hacer sont ils elles quel quelle quels quelles faire welche welcher welches gibt',
    'within must innerhalb vieler viele raus',
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
  const found: string[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const byConcept = new Map<number, Array<{ start: number; end: number }>>();
  for (const match of conceptMatcherOnce().matchFolded(folded)) {
    const list = byConcept.get(match.group) ?? [];
    list.push(match);
    byConcept.set(match.group, list);
  }
  // Every concept reads the whole text, so "возврат денег" is both a return and a refund. A match lying
  // wholly inside an earlier concept's phrase is only part of it: "how much time" asks about a duration,
  // not a fee, though it holds "how much".
  for (const [index, concept] of concepts().entries()) {
    const matches = leftmostLongest(
      (byConcept.get(index) ?? []).map((span) => ({ group: index, term: '', ...span })),
    );
    for (const { start, end } of matches) {
      if (taken.some((span) => span.start <= start && end <= span.end)) continue;
      found.push(concept.id);
      for (let at = start; at < end; at++) units[at] = ' ';
    }
    taken.push(...matches);
  }
  // The matched phrase stands for the concept now; blanking it keeps its words from counting twice.
  const rest = units.join('').replace(UNSPACED_FILLER, ' ');
  const words: string[] = [];
  const tokens = tokenise(rest);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as WordToken;
    if (token.segmented) {
      // A run of Chinese, Japanese or Thai: character pairs across the whole run, which match however
      // question and answer happen to be cut, plus the segmenter's longer words whole.
      let end = index;
      while (tokens[end + 1]?.segmented && tokens[end + 1]?.start === tokens[end]?.end) end++;
      const run = tokens.slice(index, end + 1);
      const joined = run.map((part) => part.text).join('');
      words.push(...bigrams(joined));
      // A Han character is a word on its own more often than not; it rescues paraphrases ("谁付" for
      // "谁支付") that share no pair.
      const chars = Array.from(joined);
      if (chars.length > 1) words.push(...chars.filter((char) => HAN.test(char)));
      for (const part of run) if (Array.from(part.text).length > 2) words.push(part.text);
      index = end;
    } else if (hasUnspacedScript(token.text)) {
      // Hangul: the particle off, then syllable pairs, since compounds are written as one word.
      words.push(...bigrams(token.text.replace(HANGUL_PARTICLE, '$1')));
    } else if (!STOPWORDS.has(token.text) && (token.text.length > 1 || /\d/.test(token.text)))
      words.push(stem(token.text));
  }
  return { concepts: found, words };
}

/**
 * The concepts a text names, split by role: what it is about (subjects such as #lamp) and everything else
 * (aspects and modifiers). "La lampe" names the desk lamp of an order in any language, "comment laver la
 * veste" asks something about a jacket.
 */
export function conceptRoles(text: string): { subjects: string[]; others: string[] } {
  const roles = new Map(concepts().map((concept) => [concept.id, concept.role]));
  const found = analyseText(text).concepts;
  return {
    subjects: found.filter((id) => roles.get(id) === 'subject'),
    others: found.filter((id) => roles.get(id) !== 'subject'),
  };
}
