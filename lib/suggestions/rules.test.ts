// Each rule on sentences where it must fire (with the words it must point at)
// and sentences where it must not, in English, German and Spanish.
import { describe, expect, it } from 'vitest'
import { compileRules } from './compile'
import { detectSuggestions, sentenceSignals } from './detect'
import { DEFAULT_THRESHOLD, RULES } from './rules'
import { LANGUAGES } from './vocabulary'

/** The reasons a rule gives for a one-sentence text, whatever the score. */
function fired(rule: string, text: string, language: string): string[] {
  return detectSuggestions(text, { language, threshold: 0 })
    .flatMap((suggestion) => suggestion.reasons)
    .filter((reason) => reason.rule === rule)
    .map((reason) => reason.text)
}

function score(text: string, language: string): number {
  return Math.max(0, ...detectSuggestions(text, { language, threshold: 0 }).map((suggestion) => suggestion.score))
}

type Example = [language: string, sentence: string, expected: string[]]

const EXAMPLES: Record<string, { fires: Example[]; silent: [string, string][] }> = {
  money: {
    fires: [
      ['en', 'The company paid $3.5 million in fines.', ['$3.5 million']],
      ['en', 'The bill will cost about 200 million euros.', ['about 200 million euros']],
      ['en', 'Fees rose to USD 40 per ticket.', ['USD 40']],
      ['de', 'Das Projekt kostet 4,2 Milliarden Euro.', ['4,2 Milliarden Euro']],
      ['de', 'Die Stadt zahlte rund 380.000 Euro.', ['rund 380.000 Euro']],
      ['es', 'El Gobierno destinó 2.000 millones de euros.', ['2.000 millones de euros']],
    ],
    silent: [
      ['en', 'The euro is the currency of 20 countries.'],
      ['de', 'Der Euro ist stabil.'],
    ],
  },
  percentage: {
    fires: [
      ['en', 'Turnout was 61.5% this year.', ['61.5%']],
      ['en', 'Prices rose by more than 3 percent.', ['more than 3 percent']],
      ['de', 'Die Ernte fällt um 20 bis 30 Prozent geringer aus.', ['20 bis 30 Prozent']],
      ['es', 'El paro cayó un 3,2 por ciento.', ['3,2 por ciento']],
    ],
    silent: [
      ['en', 'A percentage of the profits goes to charity.'],
      ['de', 'Der Prozentsatz ist unbekannt.'],
    ],
  },
  quantity: {
    fires: [
      ['en', 'Experts say it can fly over 13,000 kilometers.', ['over 13,000 kilometers']],
      ['en', 'The pipeline is 1,200 km long.', ['1,200 km']],
      ['de', 'Es fielen nur 61 Liter Regen pro Quadratmeter.', ['nur 61 Liter']],
      ['de', 'Der Pegel liegt 2,40 Meter unter dem Durchschnitt.', ['2,40 Meter']],
      ['es', 'El embalse perdió 40 hectómetros cúbicos.', ['40 hectómetros cúbicos']],
    ],
    silent: [
      ['en', 'The road is long and winding.'],
      ['de', 'Die Meter zogen sich.'],
    ],
  },
  date: {
    fires: [
      ['en', 'The law came into force on January 1, 2020.', ['January 1, 2020']],
      ['en', 'It has conducted six tests since 2006.', ['since 2006']],
      ['en', 'Talks paused in September.', ['September']],
      ['en', 'The strike lasted three weeks.', ['three weeks']],
      ['de', 'Am 15. Dezember 2017 trat das Gesetz in Kraft.', ['15. Dezember 2017']],
      ['de', 'Seit 2018 gab es fünf trockene Jahre.', ['Seit 2018']],
      ['es', 'La ley entró en vigor el 15 de diciembre de 2017.', ['15 de diciembre de 2017']],
    ],
    silent: [
      ['en', 'You may leave whenever you like.'],
      ['de', 'Die Zeit vergeht.'],
      ['es', 'El tiempo pasa despacio.'],
    ],
  },
  count: {
    fires: [
      ['en', 'The list now includes over 200 entities and individuals.', ['over 200 entities and individuals']],
      ['en', 'The nation has conducted six increasingly powerful atomic tests.', ['six increasingly powerful atomic tests']],
      ['de', 'Laut Polizei wurden 12 Menschen verletzt.', ['12 Menschen']],
      ['de', 'Das Verbot gilt in sieben der zwölf Gemeinden.', ['sieben', 'zwölf Gemeinden']],
      ['es', 'La policía detuvo a 14 personas.', ['14 personas']],
    ],
    silent: [
      ['en', 'The two leaders shook hands.'],
      ['de', 'Die beiden zwei Freunde lachten.'],
      ['de', 'Die Zahl stieg im 2. Quartal.'],
    ],
  },
  'time-reference': {
    fires: [
      ['en', 'Tillerson on Friday urged Russia to act.', ['on Friday']],
      ['en', 'He proposed talks earlier this week.', ['earlier this week']],
      ['de', 'Das Verbot gilt seit Montag.', ['seit Montag']],
      ['es', 'El Gobierno aprobó el martes la ley.', ['el martes']],
    ],
    silent: [
      ['en', 'Fridays are quiet in the office.'],
      ['de', 'Der Sonntagsbraten war kalt.'],
    ],
  },
  comparison: {
    fires: [
      ['en', 'The isolated nation tested a missile, most recently in September.', ['most recently']],
      ['en', 'Unemployment is the highest since 2015.', ['the highest since']],
      ['en', 'Exports were higher than expected.', ['higher than']],
      ['de', 'Es war das trockenste Frühjahr seit Beginn der Wetteraufzeichnungen.', ['trockenste', 'seit Beginn der Wetteraufzeichnungen']],
      ['de', 'Die Pegel sind so niedrig wie nie.', ['so niedrig wie nie']],
      ['es', 'Es la mayor sequía desde que hay registros.', ['la mayor', 'desde que hay registros']],
    ],
    silent: [
      ['en', 'The sun rose over the hills.'],
      // a hedge, not a comparison
      ['en', 'At least that is what the neighbours hope.'],
      ['de', 'Die Sonne scheint über dem Tal.'],
    ],
  },
  change: {
    fires: [
      ['en', 'Exports to China fell sharply.', ['fell']],
      ['de', 'Die Zahl der Arbeitslosen stieg deutlich.', ['stieg']],
      ['es', 'El paro cayó en marzo.', ['cayó']],
    ],
    silent: [
      ['en', 'She walked along the river.'],
      ['de', 'Der Anstiegsweg ist steil.'],
    ],
  },
  attribution: {
    fires: [
      ['en', 'Trump told reporters that China was helping.', ['told reporters']],
      ['en', 'According to the UN, thousands have fled.', ['According to']],
      ['de', 'Laut Polizei war der Fahrer betrunken.', ['Laut']],
      ['de', '„Wir sind bereit“, so Merkel.', ['so']],
      ['de', 'Das sei noch offen, sagte Riedle.', ['sagte']],
      ['es', 'Según el Gobierno, la ley es necesaria.', ['Según']],
    ],
    silent: [
      ['en', 'The meadow was green.'],
      // German nouns are capitalised: "Wiesen" (meadows) is not "wiesen" (rejected).
      ['de', 'Die Wiesen sind braun.'],
    ],
  },
  'direct-quote': {
    fires: [
      ['en', '"North Korea must earn its way back to the table," he said.', ['"North Korea must earn its way back to the table,"']],
      [
        'de',
        '„Wir haben diese Entscheidung nicht leichtfertig getroffen“, sagte sie.',
        ['„Wir haben diese Entscheidung nicht leichtfertig getroffen“'],
      ],
      ['es', '«No vamos a permitir más recortes en sanidad», dijo.', ['«No vamos a permitir más recortes en sanidad»']],
    ],
    // Scare quotes of one to three words are not quotations of a statement.
    silent: [
      ['en', 'He allowed crude oil to "flow" into the state.'],
      ['de', 'Er sprach von „Erpressung“ und ging.'],
    ],
  },
  'official-action': {
    fires: [
      ['en', 'Japan imposed new sanctions.', ['imposed']],
      ['de', 'Der Kreistag verabschiedete den Haushalt.', ['verabschiedete']],
      ['es', 'El Congreso aprobó la reforma.', ['aprobó']],
    ],
    silent: [
      ['en', 'The garden looked lovely.'],
      // the noun, not the verb
      ['de', 'Das Verbot ist umstritten.'],
    ],
  },
  'source-reference': {
    fires: [
      ['en', 'A new study looks at sleep.', ['study']],
      ['de', 'Eine Umfrage zeigt das Gegenteil.', ['Umfrage']],
      ['es', 'Un informe del ministerio lo confirma.', ['informe']],
    ],
    silent: [['en', 'The students studied late.']],
  },
  'reported-speech': {
    fires: [['de', 'Die Verfügung nehme die großen Verbraucher aus.', ['nehme']]],
    silent: [['de', 'Die Verfügung nimmt die großen Verbraucher aus.']],
  },
}

describe('suggestion rules', () => {
  it('every rule has examples here, and compiles in every language', () => {
    const dampeners = RULES.filter((rule) => rule.weight < 0).map((rule) => rule.id)
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...Object.keys(EXAMPLES), ...dampeners].sort())
    for (const language of LANGUAGES) expect(compileRules(language).rules).toHaveLength(RULES.length)
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length)
  })

  for (const [rule, { fires, silent }] of Object.entries(EXAMPLES)) {
    describe(rule, () => {
      it.each(fires)('[%s] fires on: %s', (language, sentence, expected) => {
        expect(fired(rule, sentence, language)).toEqual(expected)
      })
      it.each(silent)('[%s] stays silent on: %s', (language, sentence) => {
        expect(fired(rule, sentence, language)).toEqual([])
      })
    })
  }

  describe('dampeners', () => {
    it('a question scores lower than the same claim as a statement', () => {
      expect(score('Did unemployment rise by 5 percent in March?', 'en')).toBeLessThan(score('Unemployment rose by 5 percent in March.', 'en') - 0.1)
      expect(score('¿Subió el paro un 5 por ciento en marzo?', 'es')).toBeLessThan(score('El paro subió un 5 por ciento en marzo.', 'es'))
      expect(score('Stieg die Arbeitslosigkeit im März um 5 Prozent?', 'de')).toBeLessThan(
        score('Die Arbeitslosigkeit stieg im März um 5 Prozent.', 'de'),
      )
    })

    it('a heading or caption (a short block without final punctuation) is not a suggestion', () => {
      const text = 'Pyongyang’s ambassador accused the US of blackmail\nThe ambassador accused the US of blackmail.'
      const suggestions = detectSuggestions(text, { language: 'en' })
      expect(suggestions.map((suggestion) => suggestion.exact)).toEqual(['The ambassador accused the US of blackmail.'])
    })

    it('a heading that ends in a quotation without final punctuation is still a heading', () => {
      const text = 'Mieterverein spricht von „Preisschock“\nDer Mieterverein kritisierte die Erhöhung am Montag als „Preisschock“.'
      const suggestions = detectSuggestions(text, { language: 'de' })
      expect(suggestions.map((suggestion) => suggestion.exact)).toEqual(['Der Mieterverein kritisierte die Erhöhung am Montag als „Preisschock“.'])
      // a quoted sentence with its final punctuation inside the quotation marks is not a heading
      // (the heading dampener would keep at most 40% of the score)
      expect(score('"Exports fell 12 percent in 2017."', 'en')).toBeGreaterThan(0.6)
    })

    it('navigation and credits are not suggestions', () => {
      expect(detectSuggestions('Read more: Japan imposed 12 new sanctions on Friday.', { language: 'en' })).toEqual([])
      expect(detectSuggestions('Foto: 12 Bilder vom 15. Dezember 2017.', { language: 'de' })).toEqual([])
    })
  })

  describe('scoring', () => {
    it('a claim passes the default threshold in every language; opinion, promises, courtesy and small talk do not', () => {
      const claims = [
        ['Unemployment rose by 5 percent in March.', 'en'],
        ['The ambassador accused the US of blackmail.', 'en'],
        ['Die Arbeitslosigkeit stieg im März um 5 Prozent.', 'de'],
        ['El paro subió un 5 por ciento en marzo.', 'es'],
      ]
      for (const [sentence, language] of claims) expect(score(sentence, language), sentence).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD)
      const talk = [
        ['I think we can do better.', 'en'],
        ['Thank you all for coming.', 'en'],
        ['We will fight for every family.', 'en'],
        ['We met on Friday.', 'en'],
        ['Wir werden für jede Familie kämpfen.', 'de'],
        ['Vamos a luchar por cada familia.', 'es'],
      ]
      for (const [sentence, language] of talk) expect(score(sentence, language), sentence).toBeLessThan(DEFAULT_THRESHOLD)
    })

    it('counts each rule once per sentence and stays within 0..1', () => {
      expect(sentenceSignals('He said so, and said it again, she said.', 'en').signals.get('rule:attribution')).toBe(1)
      const many = score('On Friday, the minister said 12 people died, 30% more than the record of $4 million in 2019.', 'en')
      expect(many).toBeGreaterThan(0.95)
      expect(many).toBeLessThanOrEqual(1)
    })

    it('a figure is claimed by one rule only', () => {
      const reasons = detectSuggestions('It costs $5 million.', { language: 'en' })[0].reasons
      expect(reasons.map((reason) => [reason.rule, reason.text])).toEqual([['money', '$5 million']])
    })
  })
})
