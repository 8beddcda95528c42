// Word lists the suggestion rules are built from, one set per language. A rule
// pattern names a list as {listName}; the list becomes an alternation of its
// words (escaped, longest first, a space matching any one whitespace character).
// To teach Factmark a new unit, currency, verb of saying and so on, add the word
// here: every rule that names the list picks it up.
//
// Inflected forms are listed in full (no stemming): the lists stay readable and
// the regular expressions stay simple.

export const LANGUAGES = ['en', 'de', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

export type Vocabulary = Record<VocabularyList, readonly string[]>

export type VocabularyList =
  | 'approx'
  | 'numberWord'
  | 'scale'
  | 'unit'
  | 'currencyWord'
  | 'currencyCode'
  | 'month'
  | 'weekday'
  | 'timeUnit'
  | 'stopword'
  | 'speechVerb'
  | 'reportedSpeech'
  | 'actionVerb'
  | 'changeWord'
  | 'superlative'
  | 'sourceNoun'
  | 'abbreviation'

const en: Vocabulary = {
  /** Hedges in front of a figure; they belong to the claim ("over 13,000 kilometers"). */
  approx: [
    'over', 'more than', 'less than', 'fewer than', 'almost', 'nearly', 'about', 'around', 'roughly', 'some',
    'at least', 'at most', 'up to', 'an estimated', 'approximately', 'just over', 'just under', 'close to',
    'as many as', 'as much as', 'as few as', 'upwards of', 'well over', 'under', 'a total of', 'only',
  ],
  /** Spelled-out numbers that make a count. "one" is left out: it is mostly not a count. */
  numberWord: [
    'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
    'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
    'sixty', 'seventy', 'eighty', 'ninety', 'a hundred', 'one hundred', 'a thousand', 'one thousand', 'a dozen',
    'half a dozen', 'dozens', 'hundreds', 'thousands', 'tens of thousands', 'hundreds of thousands', 'millions',
    'billions', 'a million', 'one million', 'a billion', 'one billion', 'twice', 'three times', 'four times',
    'a third', 'a quarter', 'a fifth', 'two-thirds', 'three-quarters', 'half of',
  ],
  /** Multipliers after a figure ("3.5 million"). */
  scale: ['thousand', 'million', 'billion', 'trillion', 'mn', 'bn', 'tn', 'm', 'k'],
  unit: [
    'km', 'kilometers', 'kilometres', 'kilometer', 'kilometre', 'miles', 'mile', 'meters', 'metres', 'meter',
    'metre', 'm', 'cm', 'mm', 'feet', 'foot', 'ft', 'inches', 'inch', 'kg', 'kilograms', 'kilogram', 'grams',
    'gram', 'tonnes', 'tonne', 'tons', 'ton', 'lbs', 'lb', 'liters', 'litres', 'liter', 'litre', 'gallons',
    'gallon', 'barrels', 'barrel', 'bpd', 'cubic meters', 'cubic metres', 'degrees', 'degree', '°C', '°F',
    'hectares', 'hectare', 'acres', 'acre', 'square kilometers', 'square kilometres', 'square miles',
    'square meters', 'square metres', 'square feet', 'km2', 'km²', 'm²', 'MW', 'GW', 'kW', 'kWh', 'MWh', 'GWh',
    'TWh', 'megawatts', 'megawatt', 'gigawatts', 'gigawatt', 'kilowatts', 'kilowatt-hours', 'watts', 'volts',
    'mph', 'km/h', 'knots', 'calories', 'megatons', 'kilotons', 'terabytes', 'gigabytes', 'decibels', 'ppm',
  ],
  currencyWord: [
    'dollars', 'dollar', 'US dollars', 'euros', 'euro', 'pounds sterling', 'pounds', 'pound', 'yen', 'yuan',
    'renminbi', 'francs', 'Swiss francs', 'rubles', 'roubles', 'rupees', 'pesos', 'won', 'cents', 'pence',
  ],
  currencyCode: ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'RUB', 'INR', 'MXN', 'KRW', 'US$', 'A$', 'C$', 'HK$'],
  /** Month names; matched with their capital letter (see the date rule). "May" has its own pattern. */
  month: [
    'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November',
    'December', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Sep.', 'Oct.', 'Nov.', 'Dec.',
  ],
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  timeUnit: [
    'years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'hours', 'hour', 'minutes', 'minute',
    'seconds', 'decades', 'decade', 'centuries', 'century', 'quarters',
  ],
  /** Words that end the noun phrase after a count ("six ... tests | since 2006"). */
  stopword: [
    'the', 'a', 'an', 'of', 'in', 'on', 'at', 'since', 'to', 'for', 'by', 'with', 'from', 'per', 'that', 'which',
    'who', 'whom', 'whose', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'will',
    'would', 'could', 'should', 'may', 'might', 'can', 'and', 'or', 'but', 'than', 'as', 'into', 'over', 'after',
    'before', 'during', 'including', 'out', 'up', 'down', 'their', 'its', 'his', 'her', 'this', 'these', 'those',
    'said', 'says', 'according', 'each', 'every', 'more', 'less', 'when', 'while', 'where', 'because', 'if',
    'ago', 'earlier', 'later', 'last', 'next', 'between', 'among', 'across', 'about', 'against', 'under',
  ],
  /** Verbs and phrases that attribute a statement to someone. */
  speechVerb: [
    'said', 'says', 'say', 'told reporters', 'told journalists', 'told', 'tells', 'stated', 'announced',
    'announces', 'declared', 'claimed', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns',
    'added', 'noted', 'explained', 'confirmed', 'confirms', 'denied', 'denies', 'reported', 'estimated',
    'wrote', 'writes', 'rebutted', 'refuted', 'disputed', 'contradicted', 'rebuked', 'slammed', 'upbraided',
    'chided', 'lambasted', 'mentioned', 'tweeted', 'posted', 'acknowledged', 'admitted', 'accused', 'accuses',
    'alleged', 'urged', 'urges', 'criticised', 'criticized', 'praised', 'condemned', 'rejected', 'dismissed',
    'pledged', 'promised', 'vowed', 'predicted', 'testified', 'revealed', 'disclosed', 'called on', 'called for',
    'called out', 'asked', 'replied', 'responded', 'stressed', 'emphasised', 'emphasized', 'maintained',
    'countered', 'conceded', 'blamed', 'welcomed', 'described', 'quoted', 'according to', 'in a statement',
    'in an interview', 'in a post', 'spokesperson', 'spokesman', 'spokeswoman', 'said in a statement',
  ],
  reportedSpeech: [],
  /** Verbs of official acts and concrete events a record can confirm. */
  actionVerb: [
    'imposed', 'approved', 'passed', 'signed', 'vetoed', 'voted', 'adopted', 'enacted', 'banned', 'sanctioned',
    'arrested', 'detained', 'charged', 'indicted', 'convicted', 'sentenced', 'acquitted', 'fined', 'ruled',
    'overturned', 'appointed', 'elected', 're-elected', 'resigned', 'fired', 'sacked', 'launched', 'opened',
    'closed', 'suspended', 'withdrew', 'deployed', 'seized', 'expelled', 'ratified', 'conducted', 'tested',
    'detonated', 'killed', 'injured', 'wounded', 'evacuated', 'filed', 'sued', 'published', 'released',
    'awarded', 'allocated', 'funded', 'raised', 'cut', 'lifted', 'extended', 'introduced', 'proposed', 'unveiled',
    'implemented', 'levied', 'froze', 'frozen', 'came into force', 'took effect', 'built', 'completed',
    'cancelled', 'canceled', 'postponed', 'hired', 'acquired', 'merged', 'invested', 'donated', 'paid',
    'struck', 'destroyed', 'damaged', 'discovered', 'recorded', 'registered', 'counted', 'measured', 'met with',
    'discussed', 'held talks', 'spoke with', 'visited',
  ],
  /** Words of change over time. */
  changeWord: [
    'rose', 'risen', 'fell', 'fallen', 'increased', 'decreased', 'dropped', 'declined', 'jumped', 'surged',
    'soared', 'plunged', 'plummeted', 'climbed', 'grew', 'grown', 'shrank', 'shrunk', 'doubled', 'tripled',
    'trebled', 'halved', 'slumped', 'tumbled', 'up from', 'down from', 'a rise of', 'a rise in', 'an increase of',
    'an increase in', 'a drop of', 'a drop in', 'a fall of', 'a fall in', 'a decline of', 'a decline in',
    'a jump in', 'a surge in',
  ],
  superlative: [
    'highest', 'lowest', 'largest', 'biggest', 'smallest', 'greatest', 'fastest', 'slowest', 'longest', 'shortest',
    'strongest', 'weakest', 'oldest', 'youngest', 'deadliest', 'worst', 'best', 'richest', 'poorest', 'busiest',
    'hottest', 'coldest', 'warmest', 'wettest', 'driest', 'cheapest', 'steepest', 'sharpest', 'heaviest',
    'tallest', 'widest', 'costliest', 'most expensive',
  ],
  /** Documents and data a claim can be checked against. */
  sourceNoun: [
    'study', 'studies', 'report', 'survey', 'poll', 'census', 'data', 'figures', 'statistics', 'estimates',
    'records', 'documents', 'audit', 'filing', 'court papers', 'analysis', 'research', 'index', 'ranking',
  ],
  /** Abbreviations that do not end a sentence (for the segmenter), without their final period. */
  abbreviation: [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
    'maj', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'approx', 'est', 'fig', 'e.g', 'i.e', 'ca', 'cf', 'al', 'jr',
  ],
}

const de: Vocabulary = {
  approx: [
    'über', 'mehr als', 'weniger als', 'fast', 'beinahe', 'knapp', 'rund', 'etwa', 'ungefähr', 'gut',
    'mindestens', 'höchstens', 'bis zu', 'ca.', 'circa', 'annähernd', 'nahezu', 'insgesamt', 'gerade einmal',
    'nur', 'lediglich', 'schätzungsweise', 'unter',
  ],
  numberWord: [
    'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn',
    'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig', 'dreißig', 'vierzig',
    'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig', 'hundert', 'tausend', 'Dutzend', 'Dutzende',
    'Hunderte', 'Tausende', 'Zehntausende', 'Hunderttausende', 'Millionen', 'Milliarden', 'eine Million',
    'eine Milliarde', 'doppelt', 'dreimal', 'viermal', 'ein Drittel', 'ein Viertel', 'ein Fünftel',
    'zwei Drittel', 'drei Viertel', 'die Hälfte',
  ],
  scale: ['Tausend', 'Million', 'Millionen', 'Milliarde', 'Milliarden', 'Billion', 'Billionen', 'Mio.', 'Mrd.'],
  unit: [
    'km', 'Kilometer', 'Kilometern', 'Meter', 'Metern', 'Zentimeter', 'Millimeter', 'm', 'cm', 'mm',
    'Kilogramm', 'kg', 'Gramm', 'Tonnen', 'Tonne', 't', 'Liter', 'Litern', 'Hektar', 'Quadratkilometer',
    'Quadratkilometern', 'Quadratmeter', 'Quadratmetern', 'm²', 'km²', 'Kubikmeter', 'Grad', '°C', 'Megawatt',
    'Gigawatt', 'Kilowatt', 'Kilowattstunden', 'Megawattstunden', 'Gigawattstunden', 'Terawattstunden', 'kWh',
    'MWh', 'GWh', 'TWh', 'MW', 'GW', 'kW', 'km/h', 'Stundenkilometer', 'Stundenkilometern', 'Barrel', 'Fass',
    'Meilen', 'Kalorien', 'Dezibel', 'Einwohner pro Quadratkilometer',
  ],
  currencyWord: [
    'Euro', 'Dollar', 'US-Dollar', 'Pfund', 'Franken', 'Schweizer Franken', 'Yen', 'Yuan', 'Rubel', 'Cent',
  ],
  currencyCode: ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'RUB', 'US$'],
  month: [
    'Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
    'November', 'Dezember', 'Jan.', 'Feb.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Sep.', 'Okt.', 'Nov.', 'Dez.',
  ],
  weekday: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonnabend', 'Sonntag'],
  timeUnit: [
    'Jahre', 'Jahren', 'Jahr', 'Monate', 'Monaten', 'Monat', 'Wochen', 'Woche', 'Tage', 'Tagen', 'Tag', 'Stunden',
    'Stunde', 'Minuten', 'Sekunden', 'Jahrzehnte', 'Jahrzehnten', 'Jahrzehnt', 'Jahrhunderte', 'Quartale',
  ],
  stopword: [
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'und', 'oder',
    'in', 'im', 'am', 'an', 'auf', 'aus', 'bei', 'mit', 'nach', 'seit', 'von', 'vom', 'zu', 'zum', 'zur', 'für',
    'gegen', 'über', 'unter', 'vor', 'um', 'pro', 'je', 'ist', 'sind', 'war', 'waren', 'hat', 'haben', 'hatte',
    'hatten', 'wird', 'werden', 'wurde', 'wurden', 'sei', 'seien', 'als', 'wie', 'dass', 'sich', 'nicht', 'auch',
    'noch', 'bis', 'bereits', 'insgesamt', 'sagte', 'laut', 'darunter', 'davon', 'jeweils', 'mehr', 'weniger',
    'wenn', 'weil', 'aber', 'sowie', 'ihre', 'ihren', 'seine', 'seinen', 'diese', 'dieser', 'zwischen',
    'wieder', 'erneut', 'zusätzlich', 'jetzt', 'nun', 'derzeit', 'dort', 'hier', 'zudem', 'außerdem', 'etwa',
    'allein', 'sogar', 'nur', 'damit', 'dabei',
  ],
  /** Matched with their case (see the attribution rule): verbs lowercase, nouns capitalised. */
  speechVerb: [
    'sagte', 'sagten', 'sagt', 'sagen', 'gesagt', 'erklärte', 'erklärten', 'erklärt', 'teilte', 'teilten',
    'teilt', 'mitteilte', 'mitgeteilt', 'betonte', 'betont', 'warnte', 'warnt', 'kündigte', 'kündigt',
    'angekündigt', 'bestätigte', 'bestätigt', 'dementierte', 'dementiert', 'wies', 'weist', 'räumte', 'räumt',
    'berichtete', 'berichtet', 'schätzt', 'schätzte', 'schätzen', 'schrieb', 'schreibt', 'forderte', 'fordert',
    'forderten', 'fordern', 'kritisierte', 'kritisiert', 'kritisierten', 'kritisieren', 'warf', 'wirft',
    'beklagte', 'beklagt', 'versprach', 'verspricht', 'sprach von', 'spricht von', 'behauptete', 'behauptet',
    'äußerte', 'äußert', 'meinte', 'meint', 'ergänzte', 'ergänzt', 'fügte', 'fügt', 'hieß es', 'heißt es',
    'gab bekannt', 'gaben bekannt', 'gibt bekannt', 'bekanntgegeben', 'bekannt gegeben', 'hob hervor',
    'hebt hervor', 'unterstrich', 'unterstreicht', 'verwies', 'verweist', 'erläuterte', 'erläutert',
    'argumentierte', 'argumentiert', 'zitiert', 'wiesen', 'lobte', 'lobt', 'verurteilte', 'verurteilt',
    'bezeichnete', 'bezeichnet', 'versicherte', 'versichert', 'bekräftigte', 'bekräftigt', 'beteuerte',
    'beteuert', 'rechnet', 'rechnete', 'rechnen', 'prognostiziert', 'prognostizierte', 'erwartet', 'erwartete',
    'geht davon aus', 'ging davon aus', 'zufolge', 'laut', 'Laut', 'nach Angaben', 'Nach Angaben',
    'nach eigenen Angaben', 'Nach eigenen Angaben', 'auf Anfrage', 'Auf Anfrage', 'in einer Mitteilung',
    'In einer Mitteilung', 'in einer Erklärung', 'In einer Erklärung', 'Sprecher', 'Sprecherin',
  ],
  /** German indirect speech (Konjunktiv I): the sentence reports what someone said. */
  reportedSpeech: [
    'sei', 'seien', 'habe', 'werde', 'könne', 'müsse', 'dürfe', 'solle', 'wolle', 'gebe', 'liege', 'gehe',
    'komme', 'stehe', 'bleibe', 'fehle', 'brauche', 'nutze', 'nehme', 'hätten', 'würden',
  ],
  actionVerb: [
    'verhängt', 'verhängte', 'beschlossen', 'beschloss', 'genehmigt', 'genehmigte', 'verabschiedet',
    'verabschiedete', 'unterzeichnet', 'unterzeichnete', 'stimmte', 'stimmten', 'abgestimmt', 'verboten',
    'verbot', 'festgenommen', 'verhaftet', 'angeklagt', 'verurteilt', 'freigesprochen', 'entschied',
    'entschieden', 'ernannt', 'gewählt', 'zurückgetreten', 'trat', 'eingeführt', 'führte', 'startete',
    'gestartet', 'eröffnet', 'eröffnete', 'geschlossen', 'schloss', 'ausgesetzt', 'eingestellt', 'stellte',
    'investiert', 'investierte', 'bewilligt', 'bewilligte', 'vergeben', 'veröffentlicht', 'veröffentlichte',
    'vorgelegt', 'legte', 'erhöht', 'erhöhte', 'gesenkt', 'senkte', 'gekürzt', 'kürzte', 'getestet', 'testete',
    'durchgeführt', 'gefördert', 'beauftragt', 'beauftragte', 'in Kraft', 'gebaut', 'errichtet', 'eingeweiht',
    'abgeschlossen', 'gezahlt', 'zahlte', 'erhielt', 'erhielten', 'getötet', 'verletzt', 'evakuiert',
    'registriert', 'gemessen', 'gezählt', 'verzeichnet', 'verzeichnete', 'eingereicht', 'gekündigt',
    'eingestellt', 'übernommen', 'übernahm', 'gegründet',
  ],
  changeWord: [
    'stieg', 'stiegen', 'gestiegen', 'steigt', 'sank', 'sanken', 'gesunken', 'sinkt', 'fiel', 'fielen',
    'wuchs', 'wuchsen', 'gewachsen', 'wächst', 'nahm zu', 'nahmen zu', 'zugenommen', 'nahm ab', 'nahmen ab',
    'abgenommen', 'verdoppelt', 'verdoppelte', 'verdoppelten', 'verdreifacht', 'halbiert', 'legte zu',
    'legten zu', 'zugelegt', 'ging zurück', 'gingen zurück', 'zurückgegangen', 'Anstieg', 'Rückgang',
    'Zuwachs', 'Zunahme', 'Abnahme', 'Plus von', 'Minus von', 'Einbruch', 'eingebrochen',
  ],
  superlative: [
    'höchste', 'höchsten', 'höchster', 'höchstes', 'niedrigste', 'niedrigsten', 'niedrigster', 'größte',
    'größten', 'größter', 'größtes', 'kleinste', 'kleinsten', 'stärkste', 'stärksten', 'schwächste',
    'schwächsten', 'älteste', 'ältesten', 'schnellste', 'schnellsten', 'längste', 'längsten', 'beste', 'besten',
    'schlechteste', 'schlechtesten', 'tödlichste', 'tödlichsten', 'teuerste', 'teuersten', 'günstigste',
    'günstigsten', 'meisten', 'wenigsten', 'wärmste', 'wärmsten', 'kälteste', 'kältesten', 'heißeste',
    'heißesten', 'trockenste', 'trockensten', 'nasseste',
  ],
  sourceNoun: [
    'Studie', 'Studien', 'Bericht', 'Berichts', 'Umfrage', 'Erhebung', 'Statistik', 'Daten', 'Zahlen',
    'Angaben', 'Schätzung', 'Schätzungen', 'Gutachten', 'Prüfbericht', 'Haushaltsplan', 'Bilanz', 'Analyse',
    'Auswertung', 'Register', 'Unterlagen', 'Dokumente', 'Statistischen Bundesamt', 'Statistische Bundesamt',
  ],
  abbreviation: [
    'dr', 'prof', 'nr', 'st', 'bzw', 'ca', 'z.b', 'd.h', 'u.a', 'v.a', 'mio', 'mrd', 'jan', 'feb', 'apr', 'jun',
    'jul', 'aug', 'sept', 'sep', 'okt', 'nov', 'dez', 'abs', 'art', 'str', 'vgl', 'inkl', 'evtl', 'ggf', 'sog',
    'gem', 'hr', 'fr', 'dipl', 'ing', 'bspw', 'mind', 'rd', 'ebd', 'tsd', 'ges', 'max', 'min',
  ],
}

const es: Vocabulary = {
  approx: [
    'más de', 'menos de', 'casi', 'cerca de', 'unos', 'unas', 'alrededor de', 'al menos', 'como mínimo', 'hasta',
    'aproximadamente', 'poco más de', 'un total de', 'apenas', 'solo', 'sólo', 'en torno a', 'más de la mitad de',
  ],
  numberWord: [
    'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece',
    'catorce', 'quince', 'dieciséis', 'veinte', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta',
    'ochenta', 'noventa', 'cien', 'ciento', 'cientos', 'doscientos', 'trescientos', 'quinientos', 'mil', 'miles',
    'docena', 'docenas', 'decenas', 'centenares', 'millones', 'un millón', 'el doble', 'el triple',
    'la mitad', 'un tercio', 'un cuarto', 'dos tercios', 'tres cuartas partes',
  ],
  scale: ['mil', 'millón', 'millones', 'mil millones', 'billones', 'mill.', 'M'],
  unit: [
    'km', 'kilómetros', 'kilómetro', 'metros', 'metro', 'centímetros', 'milímetros', 'm', 'cm', 'mm', 'kilos',
    'kilogramos', 'kg', 'gramos', 'toneladas', 'tonelada', 'litros', 'litro', 'hectáreas', 'hectárea', 'grados',
    '°C', 'megavatios', 'gigavatios', 'kilovatios', 'kilovatios hora', 'MW', 'GW', 'kW', 'kWh', 'MWh', 'GWh',
    'km/h', 'barriles', 'millas', 'metros cuadrados', 'kilómetros cuadrados', 'metros cúbicos', 'hm³', 'hm3',
    'hectómetros cúbicos', 'm²', 'km²', 'calorías', 'decibelios',
  ],
  currencyWord: ['euros', 'euro', 'dólares', 'dólar', 'pesos', 'libras', 'yenes', 'yuanes', 'francos', 'céntimos'],
  currencyCode: ['EUR', 'USD', 'GBP', 'CHF', 'MXN', 'ARS', 'COP', 'CLP', 'US$'],
  month: [
    'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre',
    'octubre', 'noviembre', 'diciembre',
  ],
  weekday: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  timeUnit: [
    'años', 'año', 'meses', 'mes', 'semanas', 'semana', 'días', 'día', 'horas', 'hora', 'minutos', 'segundos',
    'décadas', 'década', 'siglos', 'trimestres',
  ],
  stopword: [
    'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'de', 'del', 'en', 'a', 'al', 'con', 'por', 'para',
    'desde', 'hasta', 'y', 'o', 'e', 'u', 'que', 'se', 'es', 'son', 'fue', 'fueron', 'ha', 'han', 'había',
    'será', 'como', 'entre', 'sin', 'sobre', 'durante', 'según', 'más', 'menos', 'su', 'sus', 'este', 'esta',
    'estos', 'estas', 'cuando', 'donde', 'porque', 'pero', 'lo', 'le', 'les', 'dijo', 'tras', 'ante',
  ],
  speechVerb: [
    'dijo', 'dijeron', 'dice', 'dicen', 'afirmó', 'afirmaron', 'afirma', 'declaró', 'declararon', 'aseguró',
    'aseguraron', 'asegura', 'explicó', 'explicaron', 'señaló', 'señalaron', 'señala', 'indicó', 'indicaron',
    'advirtió', 'advirtieron', 'anunció', 'anunciaron', 'informó', 'informaron', 'confirmó', 'confirmaron',
    'negó', 'negaron', 'añadió', 'agregó', 'subrayó', 'sostuvo', 'reconoció', 'denunció', 'denunciaron',
    'criticó', 'criticaron', 'pidió', 'pidieron', 'exigió', 'prometió', 'destacó', 'apuntó', 'precisó',
    'aseveró', 'manifestó', 'comentó', 'detalló', 'estimó', 'calculó', 'reveló', 'acusó', 'lamentó',
    'insistió', 'defendió', 'según', 'de acuerdo con', 'en un comunicado', 'en declaraciones', 'portavoz',
    'en rueda de prensa', 'ha dicho', 'ha afirmado', 'ha asegurado', 'ha explicado', 'ha señalado',
    'ha indicado', 'ha anunciado', 'ha informado', 'ha confirmado', 'ha advertido', 'ha denunciado',
    'ha reconocido', 'ha declarado', 'han denunciado', 'han advertido', 'han asegurado', 'han confirmado',
  ],
  reportedSpeech: [],
  actionVerb: [
    'aprobó', 'aprobaron', 'aprobado', 'aprobada', 'firmó', 'firmado', 'votó', 'votaron', 'prohibió', 'impuso',
    'detuvo', 'detenido', 'detenidos', 'arrestado', 'arrestados', 'acusado', 'condenado', 'condenó', 'absuelto',
    'dictó', 'nombró', 'nombrado', 'eligió', 'elegido', 'dimitió', 'renunció', 'lanzó', 'abrió', 'inauguró',
    'cerró', 'suspendió', 'retiró', 'desplegó', 'incautó', 'expulsó', 'ratificó', 'publicó', 'presentó',
    'destinó', 'invirtió', 'adjudicó', 'entró en vigor', 'entrará en vigor', 'subió', 'bajó', 'recortó',
    'construyó', 'construido', 'pagó', 'pagado', 'recibió', 'recibieron', 'murieron', 'fallecieron', 'heridos',
    'evacuados', 'registró', 'registraron', 'registrado', 'contabilizó', 'midió', 'multó', 'sancionó',
  ],
  changeWord: [
    'aumentó', 'aumentaron', 'subió', 'subieron', 'creció', 'crecieron', 'cayó', 'cayeron', 'bajó', 'bajaron',
    'descendió', 'descendieron', 'disminuyó', 'disminuyeron', 'se redujo', 'se redujeron', 'se duplicó',
    'se duplicaron', 'se triplicó', 'repuntó', 'se disparó', 'se dispararon', 'ha aumentado', 'han aumentado',
    'ha crecido', 'han crecido', 'ha caído', 'han caído', 'ha bajado', 'ha subido', 'un aumento de',
    'un aumento del', 'un incremento de', 'un incremento del', 'una caída de', 'una caída del', 'un descenso de',
    'un descenso del', 'una subida de', 'una subida del', 'una bajada de', 'un alza de', 'un alza del',
  ],
  superlative: [
    'el mayor', 'la mayor', 'los mayores', 'las mayores', 'el menor', 'la menor', 'el peor', 'la peor',
    'los peores', 'el mejor', 'la mejor', 'máximo histórico', 'mínimo histórico', 'el máximo', 'el mínimo',
  ],
  sourceNoun: [
    'estudio', 'informe', 'encuesta', 'sondeo', 'censo', 'datos', 'cifras', 'estadística', 'estadísticas',
    'estimaciones', 'registros', 'auditoría', 'balance', 'documentos', 'análisis', 'memoria anual',
  ],
  abbreviation: [
    'sr', 'sra', 'srta', 'dr', 'dra', 'lic', 'ing', 'prof', 'd', 'dña', 'ud', 'uds', 'av', 'avda', 'núm', 'pág',
    'ee', 'aprox', 'máx', 'mín', 'ene', 'feb', 'abr', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic', 'gral',
    'cap', 'col', 'sto', 'sta', 'mill',
  ],
}

export const VOCABULARY: Record<Language, Vocabulary> = { en, de, es }
