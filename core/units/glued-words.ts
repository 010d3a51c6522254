/**
 * Words that OCR and PDF extraction run together ("chủtrì", "Ban Thường vụĐảng uỷ",
 * "hiệu quảquản lý"), split again. A Vietnamese syllable has one vowel nucleus, so a word
 * with two vowel groups separated by consonants is two syllables; the consonants between
 * are cut where the left part keeps a valid final (c, ch, m, n, ng, nh, p, t) and the right
 * one opens with a valid initial. Only words with a Vietnamese letter (a diacritic or đ)
 * are touched, so loan words and names ("online", "Raglai") stay whole.
 */

const INITIALS = new Set([
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "p",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
]);
const FINALS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
const STOP_FINALS = new Set(["c", "ch", "p", "t"]);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const ACUTE_OR_DOT = /[\u0301\u0323]/;
const TONE_MARKS_ALL = /[\u0300\u0301\u0303\u0309\u0323]/g;

interface Letter {
  char: string;
  /** Lower case, no marks, đ kept. */
  base: string;
  /** Lower case with its vowel quality (â, ă, ê, ô, ơ, ư) but no tone. */
  plain: string;
  /** The tone mark (NFD combining character), or "". */
  tone: string;
}

const letterCache = new Map<string, Letter>();

function letterOf(char: string): Letter {
  let letter = letterCache.get(char);
  if (!letter) {
    const decomposed = char.toLowerCase().normalize("NFD");
    const tone = [...decomposed].find((m) => TONE_MARKS.test(m)) ?? "";
    const plain = decomposed.replace(TONE_MARKS_ALL, "").normalize("NFC");
    letter = { char, base: decomposed.charAt(0), plain, tone };
    letterCache.set(char, letter);
  }
  return letter;
}

const isVowelBase = (base: string) => "aeiouy".includes(base);

/** Vowel flags per letter, with the u of "qu" and the i of "gi" + vowel counted as consonants. */
function vowelFlags(letters: Letter[]): boolean[] {
  return letters.map((letter, i) => {
    if (!isVowelBase(letter.base)) return false;
    const before = letters[i - 1]?.base;
    if (letter.base === "u" && before === "q") return false;
    if (letter.base === "i" && before === "g" && letter.tone === "" && isVowelBase(letters[i + 1]?.base ?? "")) return false;
    return true;
  });
}

/** Nuclei that cannot end a syllable: ă, â, and the diphthongs iê, yê, uô, ươ. */
function needsFinal(nucleus: Letter[]): boolean {
  const spelled = nucleus.map((l) => l.plain).join("");
  return /^[ăâ]$|(?:iê|yê|uô|ươ)$/.test(spelled);
}

function toneOf(nucleus: Letter[]): string {
  return nucleus.find((l) => l.tone !== "")?.tone ?? "";
}

function validInitial(initial: string, next: Letter | undefined): boolean {
  if (!INITIALS.has(initial)) return false;
  // Before i, e, ê the spelling is "ngh", "gh", "k".
  if (next && "ie".includes(next.base) && (initial === "ng" || initial === "c")) return false;
  return true;
}

/** Where to cut the consonants between two nuclei, as an index into the run; -1 when no cut is valid. */
function cutRun(run: string, left: Letter[], right: Letter | undefined): number {
  const tone = toneOf(left);
  for (let at = 0; at <= run.length; at++) {
    const final = run.slice(0, at);
    const initial = run.slice(at);
    if (!FINALS.has(final)) continue;
    if (final === "" && needsFinal(left)) continue;
    if (STOP_FINALS.has(final) && tone !== "" && !ACUTE_OR_DOT.test(tone)) continue;
    if (STOP_FINALS.has(final) && tone === "") continue;
    if (initial === "" ? at === 0 : !validInitial(initial, right)) continue;
    return at;
  }
  return -1;
}

/** Splits one run of letters; returns the pieces (one when nothing is glued). */
function splitLetters(word: string): string[] {
  const chars = [...word];
  const letters = chars.map(letterOf);
  const vowel = vowelFlags(letters);
  const cuts: number[] = [];
  let i = 0;
  let nucleusStart = -1;
  while (i < chars.length) {
    if (!vowel[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && vowel[end]) end++;
    // Two toned vowels in one group ("dựán") are two syllables.
    const toned = [];
    for (let k = i; k < end; k++) if (letters[k]?.tone) toned.push(k);
    if (toned.length >= 2 && toned[1] !== undefined) cuts.push(toned[1]);
    if (nucleusStart >= 0) {
      const previousEnd = lastVowelEnd(vowel, nucleusStart);
      const run = letters
        .slice(previousEnd, i)
        .map((l) => l.base)
        .join("");
      const at = cutRun(run, letters.slice(nucleusStart, previousEnd), letters[i]);
      if (at < 0) return [word];
      cuts.push(previousEnd + at);
    }
    nucleusStart = toned.length >= 2 && toned[1] !== undefined ? toned[1] : i;
    i = end;
  }
  if (cuts.length === 0) return [word];
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts.sort((a, b) => a - b)) {
    if (cut > from) pieces.push(chars.slice(from, cut).join(""));
    from = cut;
  }
  pieces.push(chars.slice(from).join(""));
  return pieces;
}

function lastVowelEnd(vowel: boolean[], start: number): number {
  let end = start;
  while (end < vowel.length && vowel[end]) end++;
  return end;
}

const VIETNAMESE_LETTER = /[à-ỹđĐÀ-Ỹ]/u;
const VOWELS = new Set("aăâeêioôơuưyáắấéếíóốớúứýàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ");

/** Cheap test before the full reading: more than one vowel group, or two tone marks in a row. */
function mayBeGlued(word: string): boolean {
  const lower = word.toLowerCase();
  let groups = 0;
  let inVowel = false;
  let previous = "";
  for (const char of lower) {
    const vowel = VOWELS.has(char) && !(previous === "q" && char === "u");
    if (vowel && !inVowel) groups++;
    else if (vowel && inVowel && !"aeiouy".includes(char) && !"aeiouy".includes(previous)) return true;
    inVowel = vowel;
    previous = char;
  }
  return groups > 1;
}
const WORD = /\p{L}{3,}/gu;
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;

// A vowel, consonants, a vowel inside one word: no single syllable is spelled so.
const VOWEL_CLASS = [...VOWELS].join("");
const TWO_NUCLEI = new RegExp(`[${VOWEL_CLASS}][bcdđghklmnpqrstvx]+[${VOWEL_CLASS}]`, "iu");
const CAMEL_ANYWHERE = /\p{Ll}\p{Lu}/u;
const TWO_TONES = /[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{2}/iu;

/** The text with glued words split by a space. */
export function splitGluedWords(text: string): string {
  if (!VIETNAMESE_LETTER.test(text)) return text;
  // Most lines hold no glue: one scan tells.
  if (!TWO_NUCLEI.test(text) && !CAMEL_ANYWHERE.test(text) && !TWO_TONES.test(text)) return text;
  return text.replace(WORD, (word) => {
    if (!VIETNAMESE_LETTER.test(word)) return word;
    const parts = CAMEL.test(word) ? word.split(CAMEL).filter((part) => part !== "") : [word];
    return parts.flatMap((part) => (part.length >= 4 && mayBeGlued(part) ? splitLetters(part) : [part])).join(" ");
  });
}

// "T h a m m ư u , h ư ớ n g": single letters (and punctuation) each set apart by one space.
const SPACED_RUN = /(?<![\p{L}\p{N}])\p{L}(?: (?:\p{L}|[,.;:])(?![\p{L}\p{N}]))+/gu;
const MIN_SPACED_LETTERS = 4;

/**
 * Joins runs of single letters spaced out by PDF extraction ("r à s o á t" → "ràsoát");
 * the word spaces are lost in such runs, so splitGluedWords is applied after.
 */
export function joinLetterSpaced(text: string): string {
  return text.replace(SPACED_RUN, (run) => {
    const tokens = run.split(" ");
    if (tokens.filter((t) => /\p{L}/u.test(t)).length < MIN_SPACED_LETTERS) return run;
    return tokens
      .map((t) => (/\p{L}/u.test(t) ? t : `${t} `))
      .join("")
      .trimEnd();
  });
}

/** A line that is nothing but single characters spaced out: the wrapped tail of a letter-spaced run ("x ã", "2 0 2 6"). */
const SPACED_LINE = /^[\p{L}\p{N}](?: [\p{L}\p{N}.,;:])+$/u;
/** A letter-spaced run that reaches the end of its line, so the next line may carry it on. */
const SPACED_TO_END = /(?<![\p{L}\p{N}])\p{L}(?: (?:\p{L}|[,.;:])(?![\p{L}\p{N}])){3,}\s*$/u;

/**
 * joinLetterSpaced over a document's lines, also joining the short lines a letter-spaced
 * run wraps onto ("… c ấ p" then "x ã", "n h i ệ m", "2 0 2 6"), which alone are too short to tell.
 */
export function joinLetterSpacedLines(lines: readonly string[]): string[] {
  let spacing = false;
  return lines.map((line) => {
    const trimmed = line.trim();
    if (spacing && SPACED_LINE.test(trimmed)) return trimmed.replaceAll(" ", "");
    spacing = trimmed === "-" ? spacing : SPACED_TO_END.test(line);
    return joinLetterSpaced(line);
  });
}
