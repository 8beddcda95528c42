// The rules that make a sentence a check-worthy suggestion. A newsroom can read
// and extend them: each rule is a named object with the label the checker sees,
// a weight, and per-language patterns. Word lists live in ./vocabulary.ts.
//
// Patterns are JavaScript regular-expression sources, matched case-insensitively
// (or with their case, under `casedPatterns`) and only on whole words: a match
// never starts or ends inside a word (unless the rule says `wholeWords: false`, as
// the rules about punctuation do). {name} inserts a vocabulary
// list; {digits} a written number (13,000 · 3.5 · 12.000 · 3,5) and {year} a year
// 1900–2099. \p{L} means a letter (compiled, for speed, to Latin, Greek and
// Cyrillic letters) and \p{N} a digit. Keep every repetition bounded ({0,4}, not
// * or +): the patterns run on untrusted text and must never backtrack
// catastrophically.
//
// Scoring (see ./detect.ts and ./model.ts): the rules find the evidence and give the
// reasons; a linear model trained on labelled sentences weighs which rules fired (with
// other signals, ./features.ts) into a calibrated probability. A rule's `weight` sign
// still matters: positive rules are evidence, negative ones dampen. Its size only counts
// for rules the model was not trained with (a newsroom's own: twice the weight is added
// to the log-odds) and for the dampeners tested on a whole block (headings, credits),
// which keep (1 + weight) of the probability.
import type { Language } from './vocabulary'

export interface SuggestionRule {
  /** Stable id, given in each reason (`reason.rule`). */
  id: string
  /** What the checker reads next to the highlighted words. */
  label: string
  /** Evidence in (0, 1]; a negative weight dampens the score instead (−0.6 keeps 40%). */
  weight: number
  /**
   * Rules sharing a group never claim the same characters: the first rule in
   * RULES wins ("13,000 kilometers" is a quantity, not also a count).
   */
  group?: 'figure'
  /**
   * Every pattern needs a number (digits or a {numberWord}): sentences without one are
   * skipped. Speed only; a rule that can match without a number must not set it.
   */
  needsNumber?: boolean
  /** Tested on the sentence (default) or on the whole text block it is in (dampeners only). */
  scope?: 'sentence' | 'block'
  /** false: patterns may start or end anywhere, not only at word boundaries (punctuation rules). */
  wholeWords?: boolean
  /** A match must have at least this many words (quotes: scare quotes do not count). */
  minWords?: number
  /** Case-insensitive pattern sources per language. */
  patterns: Record<Language, readonly string[]>
  /** Case-sensitive pattern sources per language (capitalised month names). */
  casedPatterns?: Partial<Record<Language, readonly string[]>>
}

/** A written or spelled-out number, or a range of two ("20 bis 30", "two to three", "5–10"). */
const FIGURE: Record<Language, string> = {
  en: '(?:{digits}|{numberWord})(?:\\s?(?:-|–|to|and)\\s?(?:{digits}|{numberWord}))?',
  de: '(?:{digits}|{numberWord})(?:\\s?(?:-|–|bis|und)\\s?(?:{digits}|{numberWord}))?',
  es: '(?:{digits}|{numberWord})(?:\\s?(?:-|–|a|y)\\s?(?:{digits}|{numberWord}))?',
}

/** One word of what is counted: not a stopword, nor a verb another rule knows ("737 | fell"). */
const NOUN_WORD = "\\s(?!(?:{stopword}|{changeWord}|{speechVerb}|{actionVerb})(?![\\p{L}]))[\\p{L}][\\p{L}'’-]{0,30}"
/** Up to four such words after a count: "six | increasingly powerful atomic tests". */
const NOUN_PHRASE = `(?:${NOUN_WORD}){0,4}`

/**
 * Score (a probability) a sentence needs to become a suggestion: one step (0.025) below the
 * threshold with the best F1 in the model's cross-validation (0.3 for both models;
 * scripts/train-suggestions.ts; F1 there differs by under 0.005), because for a
 * fact-checker a missed claim costs more than a dismissed suggestion. See labelled/README.md.
 */
export const DEFAULT_THRESHOLD = 0.275

export const RULES: readonly SuggestionRule[] = [
  // --- figures: the first rule that claims a number wins ---
  {
    id: 'money',
    needsNumber: true,
    label: 'Money amount',
    weight: 0.8,
    group: 'figure',
    patterns: {
      // $3.5 million · €12bn · US$200 · 3.5 million dollars · USD 40
      en: [
        '(?:{approx}\\s)?(?:[$€£¥₹]|{currencyCode}\\s?){digits}(?:\\s?{scale})?',
        `(?:{approx}\\s)?${FIGURE.en}(?:\\s{scale})?\\s{currencyWord}`,
        '(?:{approx}\\s)?{digits}(?:\\s{scale})?\\s?{currencyCode}',
      ],
      // 3,5 Milliarden Euro · 200 Mio. € · 40 Franken · € 12
      de: [
        `(?:{approx}\\s)?${FIGURE.de}(?:\\s{scale})?\\s?(?:{currencyWord}|{currencyCode}|[$€£])`,
        '(?:{approx}\\s)?(?:[$€£]|{currencyCode})\\s?{digits}(?:\\s{scale})?',
      ],
      // 2 millones de euros · 40.000 dólares · 12 000 € · US$ 5
      es: [
        `(?:{approx}\\s)?${FIGURE.es}(?:\\s{scale})?\\s(?:de\\s)?{currencyWord}`,
        '(?:{approx}\\s)?{digits}(?:\\s{scale})?\\s?(?:[$€£]|{currencyCode})',
        '(?:{approx}\\s)?(?:[$€£]|{currencyCode})\\s?{digits}(?:\\s{scale})?',
      ],
    },
  },
  {
    id: 'percentage',
    needsNumber: true,
    label: 'Percentage',
    weight: 0.8,
    group: 'figure',
    patterns: {
      en: [`(?:{approx}\\s)?${FIGURE.en}\\s?(?:%|percent|per cent|percentage points?)`],
      de: [`(?:{approx}\\s)?${FIGURE.de}\\s?(?:%|Prozent|Prozentpunkte|Prozentpunkten)`],
      es: [`(?:{approx}\\s)?${FIGURE.es}\\s?(?:%|por ciento|puntos porcentuales)`],
    },
  },
  {
    id: 'quantity',
    needsNumber: true,
    label: 'Quantity with a unit',
    weight: 0.75,
    group: 'figure',
    patterns: {
      // over 13,000 kilometers · 3.5 million tonnes · a 40-km stretch
      en: [`(?:{approx}\\s)?${FIGURE.en}(?:\\s?{scale})?[\\s-]?{unit}`],
      de: [`(?:{approx}\\s)?${FIGURE.de}(?:\\s{scale})?[\\s-]?{unit}`],
      es: [`(?:{approx}\\s)?${FIGURE.es}(?:\\s{scale})?(?:\\sde)?[\\s-]?{unit}`],
    },
  },
  {
    id: 'date',
    label: 'Date or time span',
    weight: 0.55,
    group: 'figure',
    patterns: {
      en: [
        // since 2006 · in the 1990s · 2016-17 · (2019) · the beginning of 2017
        '(?:in|since|until|till|by|from|before|after|during|of|between|and|to|through|early|late|mid-|spring|summer|autumn|fall|winter|year|fiscal)\\s(?:the\\s)?{year}(?:s|[-–/]\\d{2,4})?',
        'the\\s(?:19|20)\\d0s',
        '\\({year}\\)',
        // 14:30 · 9 a.m.
        '\\d{1,2}[:.]\\d{2}\\s?(?:a\\.m\\.|p\\.m\\.|am|pm)|\\d{1,2}:\\d{2}|\\d{1,2}\\s?(?:a\\.m\\.|p\\.m\\.)',
        // three years · a 48-hour strike · 12 days
        '(?:{approx}\\s)?(?:{digits}|{numberWord})[\\s-]{timeUnit}(?:\\sold|\\slong|\\sago)?',
      ],
      de: [
        // 15. Dezember 2017 · 15.12.2017
        '\\d{1,2}\\.\\s?{month}(?:\\s{year})?',
        '\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})?',
        '{month}\\s{year}',
        '(?:im|seit|bis|ab|Anfang|Ende|Mitte|vom|zum|nach|vor|im\\sFrühjahr|im\\sHerbst|im\\sSommer|im\\sWinter)\\s{month}',
        '(?:im\\sJahr|im\\sJahre|seit|bis|ab|von|vor|nach|in|zwischen|und|Anfang|Ende|Mitte|um|Jahr|Jahres|bis\\sEnde|seit\\sAnfang|Frühjahr|Sommer|Herbst|Winter)\\s{year}',
        '{year}er(?:\\sJahre|\\sJahren)?',
        '\\({year}\\)',
        '\\d{1,2}(?:[.:]\\d{2})?\\sUhr',
        '(?:{approx}\\s)?(?:{digits}|{numberWord})\\s{timeUnit}',
      ],
      es: [
        // 15 de diciembre de 2017 · en marzo · desde 2006
        '\\d{1,2}\\sde\\s{month}(?:\\s(?:de|del)\\s{year})?',
        '(?:en|desde|hasta|de|a\\spartir\\sde|finales\\sde|principios\\sde|mediados\\sde|el\\spasado)\\s{month}',
        '{month}\\s(?:de|del)\\s{year}',
        '(?:en|desde|hasta|de|del|entre|y|a|año|el|finales\\sde|principios\\sde|mediados\\sde)\\s{year}',
        '\\({year}\\)',
        '\\d{1,2}[:.]\\d{2}\\s?(?:horas|h)',
        '(?:{approx}\\s)?(?:{digits}|{numberWord})\\s{timeUnit}',
      ],
    },
    casedPatterns: {
      // December 15, 2017 · 15 December · in September · November 2017 (capitals tell the month from "may")
      en: [
        '{month}\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s{year})?',
        '\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?(?:{month}|May)(?:,?\\s{year})?',
        '(?:{month}|May)\\s{year}',
        '(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|of|[Ll]ast|[Nn]ext|[Tt]his)\\sMay(?:\\s{year})?',
        '{month}',
      ],
    },
  },
  {
    id: 'count',
    needsNumber: true,
    label: 'Count',
    weight: 0.6,
    group: 'figure',
    patterns: {
      // over 200 entities and individuals · six increasingly powerful atomic tests · two to three
      en: [
        `(?:{approx}\\s)?(?:{digits}|(?<!(?:the|these|those|its|their|his|her|our|all)\\s){numberWord})(?:\\s(?:to|or|and|-|–)\\s(?:{digits}|{numberWord}))?${NOUN_PHRASE}(?:\\sand${NOUN_WORD})?`,
      ],
      // ordinals ("im 2. Quartal") are not counts
      de: [
        `(?:{approx}\\s)?(?:{digits}(?!\\.\\s)|(?<!(?:die|diese|beiden|ihre|seine|alle)\\s){numberWord})(?:\\s(?:bis|oder|und|-|–)\\s(?:{digits}|{numberWord}))?${NOUN_PHRASE}(?:\\sund${NOUN_WORD})?`,
      ],
      es: [
        `(?:{approx}\\s)?(?:{digits}|(?<!(?:los|las|estos|estas|sus)\\s){numberWord})(?:\\s(?:a|o|y|-|–)\\s(?:{digits}|{numberWord}))?${NOUN_PHRASE}`,
      ],
    },
  },

  // --- events in time, comparisons, change ---
  {
    id: 'time-reference',
    label: 'Time reference',
    weight: 0.35,
    patterns: {
      // on Friday · last week · earlier this year · in the past two months · three weeks ago
      en: [
        '(?:on\\s|last\\s|next\\s|this\\s|since\\s|until\\s)?{weekday}(?:\\s(?:morning|afternoon|evening|night))?',
        'yesterday|tonight|last\\snight',
        '(?:earlier|later|so\\sfar)\\sthis\\s(?:week|month|year|season|quarter)',
        '(?:last|next|this|the\\sprevious|the\\sfollowing|the\\ssame)\\s(?:week|weekend|month|year|summer|winter|spring|autumn|fall|decade|century|quarter|season|day|morning|evening)',
        '(?:in|over|during|within|for)\\s(?:the\\s)?(?:past|last|previous|coming|next|recent)\\s(?:(?:{digits}|{numberWord}|few|several)\\s)?{timeUnit}',
        'a\\s(?:day|week|month|year|decade)\\sago',
      ],
      de: [
        '(?:am\\s|seit\\s|bis\\s|vergangenen\\s|letzten\\s|kommenden\\s)?{weekday}(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?',
        'gestern|vorgestern|gestern\\sAbend',
        '(?:vergangene|vergangenen|vergangener|letzte|letzten|letzter|kommende|kommenden|nächste|nächsten|diese|diesen|dieser|dieses|in\\sdieser|in\\sdiesem)\\s(?:Woche|Wochenende|Monat|Monats|Jahr|Jahres|Jahrzehnt|Sommer|Winter|Frühjahr|Herbst|Quartal|Quartals|Saison)',
        'im\\s(?:Vorjahr|Vormonat|Vorjahreszeitraum|Vorquartal)',
        'vor\\s(?:{digits}|{numberWord}|einem|einer|wenigen)\\s{timeUnit}',
        'in\\sden\\s(?:vergangenen|letzten|kommenden|nächsten)\\s(?:(?:{digits}|{numberWord})\\s)?{timeUnit}',
      ],
      es: [
        '(?:el\\s)?(?:pasado\\s)?{weekday}',
        'ayer|anteayer|anoche',
        '(?:la\\ssemana|el\\smes|el\\saño|el\\sfin\\sde\\ssemana|el\\sverano|el\\sinvierno|el\\strimestre|el\\scurso)\\s(?:pasad[oa]|próxim[oa]|anterior|que\\sviene)',
        '(?:este|esta)\\s(?:semana|mes|año|fin\\sde\\ssemana|verano|trimestre|curso)',
        'el\\spasado\\s(?:mes|año|fin\\sde\\ssemana|{month})',
        'hace\\s(?:{digits}|{numberWord}|un|una|unos|unas)\\s{timeUnit}',
        'en\\s(?:los|las)\\s(?:últim[oa]s|próxim[oa]s)\\s(?:(?:{digits}|{numberWord})\\s)?{timeUnit}',
      ],
    },
  },
  {
    id: 'comparison',
    label: 'Comparison or superlative',
    weight: 0.5,
    patterns: {
      // the highest since · most recently · more than · for the first time · a record
      en: [
        '(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|faster|slower|cheaper|older|younger|longer|shorter|stronger|weaker|better|worse|richer|poorer|deadlier|earlier|later)\\sthan',
        'compared\\s(?:with|to)|in\\scomparison\\s(?:with|to)|relative\\sto|year-on-year|year-over-year',
        'the\\s(?:most|least)\\s[\\p{L}-]{3,20}|most\\srecently|at\\sthe\\s(?:most|least)',
        '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[\\s-]{superlative}',
        '(?:the\\s)?{superlative}(?:\\s(?:since|in|ever|on\\srecord))?',
        'record[\\s-](?:high|low|level|levels|number|numbers|year|highs|lows|temperature|temperatures)|a\\srecord|an\\sall-time|all-time\\s(?:high|low)|since\\srecords\\sbegan|on\\srecord',
        '(?:for\\s)?the\\sfirst\\stime|first\\stime\\ssince|unprecedented',
        '(?:twice|three\\stimes|four\\stimes|half)\\sas\\s(?:many|much|high|large|big|likely)',
      ],
      de: [
        '(?:mehr|weniger|höher|niedriger|größer|kleiner|stärker|schwächer|schneller|langsamer|teurer|billiger|günstiger|älter|jünger|länger|kürzer|besser|schlechter|früher|später)\\sals',
        'im\\sVergleich\\s(?:zu|zum|zur|mit)|verglichen\\smit|gegenüber\\s(?:dem|der|den)\\s(?:Vorjahr|Vormonat|Vorjahreszeitraum|Vorquartal|Vorjahresmonat)|gegenüber\\s{year}',
        '{superlative}',
        'am\\s[\\p{L}]{2,20}sten',
        'Rekord[\\p{L}]{0,20}',
        'erstmals|zum\\sersten\\sMal|seit\\sBeginn\\sder\\s(?:Aufzeichnungen|Messungen|Wetteraufzeichnungen)|so\\s(?:hoch|niedrig|viel|viele|stark|groß|wenig|wenige)\\swie\\s(?:nie|seit|zuletzt)|zuletzt',
        '(?:doppelt|dreimal|halb)\\sso\\s(?:viel|viele|hoch|groß|teuer|stark)',
      ],
      es: [
        '(?:mayor|menor|superior|inferior)\\s(?:que|a|al)',
        '(?:más|menos)\\s[\\p{L}]{3,20}\\sque',
        'en\\scomparación\\scon|comparad[oa]s?\\scon|respecto\\s(?:a|al)\\s(?:año|mes|trimestre|curso)\\s(?:anterior|pasado)|frente\\sa(?:l)?\\s(?:año|mes|trimestre|curso)\\s(?:anterior|pasado)',
        '{superlative}',
        '(?:el|la|los|las)\\s(?:más|menos)\\s[\\p{L}]{3,20}',
        'récord|por\\sprimera\\svez|la\\sprimera\\svez|sin\\sprecedentes|desde\\sque\\s(?:hay|existen)\\sregistros|nivel\\smás\\s(?:alto|bajo)',
      ],
    },
  },
  {
    id: 'change',
    label: 'Change or trend',
    weight: 0.4,
    patterns: {
      en: ['{changeWord}'],
      de: [],
      es: ['{changeWord}'],
    },
    // German nouns are capitalised: "fiel" (fell) is a verb, "Verbot" (ban) is not "verbot" (banned).
    casedPatterns: { de: ['{changeWord}'] },
  },

  // --- who says so ---
  {
    id: 'attribution',
    label: 'Attribution of a statement',
    weight: 0.55,
    patterns: {
      // said · told reporters · according to · a spokesperson
      en: ['{speechVerb}'],
      // „…“, so Müller (sagte · laut · zufolge · nach Angaben: with their case, below)
      de: ['(?<=[“"”«»],?\\s)so'],
      // dijo · según · de acuerdo con
      es: ['{speechVerb}'],
    },
    casedPatterns: { de: ['{speechVerb}'] },
  },
  {
    id: 'reported-speech',
    label: 'Reported speech',
    weight: 0.35,
    // German indirect speech: "Die Verfügung nehme die großen Verbraucher aus" (someone said so).
    patterns: { en: [], de: [], es: [] },
    casedPatterns: { de: ['{reportedSpeech}'] },
  },
  {
    id: 'direct-quote',
    label: 'Direct quote',
    weight: 0.5,
    wholeWords: false,
    minWords: 4,
    patterns: {
      en: ['"[^"\\n]{3,1000}"', '“[^“”\\n]{3,1000}”', '«[^«»\\n]{3,1000}»'],
      de: ['„[^„“”\\n]{3,1000}[“”]', '»[^»«\\n]{3,1000}«', '"[^"\\n]{3,1000}"', '«[^«»\\n]{3,1000}»'],
      es: ['«[^«»\\n]{3,1000}»', '“[^“”\\n]{3,1000}”', '"[^"\\n]{3,1000}"'],
    },
  },
  {
    id: 'official-action',
    label: 'Official action or event',
    weight: 0.3,
    patterns: {
      // imposed · approved · arrested · detonated — an act a record can confirm
      en: ['{actionVerb}'],
      de: [],
      es: ['{actionVerb}'],
    },
    casedPatterns: { de: ['{actionVerb}'] },
  },
  {
    id: 'source-reference',
    label: 'Study, data or record',
    weight: 0.3,
    patterns: {
      en: ['{sourceNoun}'],
      de: ['{sourceNoun}'],
      es: ['{sourceNoun}'],
    },
  },

  // --- dampeners: what is rarely a claim ---
  {
    id: 'question',
    label: 'Question',
    weight: -0.7,
    wholeWords: false,
    patterns: {
      en: ['\\?[\\s"”’»)]{0,3}$'],
      de: ['\\?[\\s"“”’«»)]{0,3}$'],
      es: ['\\?[\\s"”’»)]{0,3}$'],
    },
  },
  {
    id: 'heading',
    label: 'Heading or caption',
    weight: -0.6,
    wholeWords: false,
    scope: 'block',
    // A short block that does not end like a sentence (final punctuation, then perhaps closing
    // quotation marks or brackets): a heading, a caption, a teaser.
    patterns: {
      en: ['^(?![^\\n]{0,160}[.!?…:;]["\'“”’«»)\\]]{0,3}$)[^\\n]{1,160}$'],
      de: ['^(?![^\\n]{0,160}[.!?…:;]["\'“”’«»)\\]]{0,3}$)[^\\n]{1,160}$'],
      es: ['^(?![^\\n]{0,160}[.!?…:;]["\'“”’«»)\\]]{0,3}$)[^\\n]{1,160}$'],
    },
  },
  {
    id: 'boilerplate',
    label: 'Navigation or credit',
    weight: -0.9,
    wholeWords: false,
    scope: 'block',
    patterns: {
      en: ['^(?:Read\\smore|Read\\salso|See\\salso|Related|Image|Photo|Picture|Video|Watch|Listen|Advertisement|Copyright)\\s?:'],
      de: ['^(?:Mehr\\szum\\sThema|Lesen\\sSie\\sauch|Auch\\sinteressant|Bild|Foto|Video|Anzeige|Copyright)\\s?:'],
      es: ['^(?:Lea\\stambién|Leer\\smás|Ver\\stambién|Foto|Imagen|Vídeo|Video|Publicidad)\\s?:'],
    },
  },
]
