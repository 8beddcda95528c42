// Subjects that checkable public claims are often about, as the same concept in each
// language: the suggestion model learns a weight per concept from English data
// (`topic:…` in ./features.ts), and the translations carry it to German and Spanish.
// Words are lowercased tokens; "*steuer" matches any word ending so (German compounds:
// "Mehrwertsteuer"), "arbeitslos*" any word starting so. A phrase of several words
// matches them in a row.
import type { Language } from './vocabulary'

export type Topic =
  | 'vote'
  | 'opposition'
  | 'support'
  | 'tax'
  | 'jobs'
  | 'public-money'
  | 'law'
  | 'crime'
  | 'health'
  | 'institution'
  | 'economy'
  | 'energy'
  | 'migration'
  | 'education'
  | 'military'
  | 'scale'

export const TOPICS: Record<Language, Record<Topic, readonly string[]>> = {
  en: {
    vote: ['vote', 'votes', 'voted', 'voting', 'ballot', 'referendum'],
    opposition: ['against', 'opposed', 'oppose', 'opposes', 'rejected', 'blocked', 'vetoed'],
    support: ['supported', 'supports', 'backed', 'endorsed', 'favor', 'favour'],
    tax: ['tax', 'taxes', 'taxed', 'taxpayers', 'vat', 'tariff', 'tariffs'],
    jobs: ['jobs', 'job', 'unemployment', 'unemployed', 'employment', 'workers', 'wage', 'wages', 'salary', 'salaries'],
    'public-money': ['budget', 'deficit', 'debt', 'spending', 'spent', 'funding', 'subsidies', 'pension', 'pensions'],
    law: ['law', 'laws', 'bill', 'legislation', 'act', 'regulation', 'regulations', 'court', 'constitution'],
    crime: ['crime', 'crimes', 'police', 'prison', 'murder', 'murders', 'drug', 'drugs', 'arrested', 'guns'],
    health: ['health', 'hospital', 'hospitals', 'insurance', 'medicare', 'medicaid', 'doctors', 'patients'],
    institution: ['government', 'federal', 'congress', 'senate', 'parliament', 'administration', 'ministry', 'state'],
    economy: ['economy', 'inflation', 'prices', 'growth', 'gdp', 'trade', 'exports', 'imports', 'poverty', 'income'],
    energy: ['oil', 'gas', 'energy', 'electricity', 'coal', 'emissions', 'climate'],
    migration: ['immigrants', 'immigration', 'refugees', 'border', 'migrants', 'asylum'],
    education: ['schools', 'school', 'teachers', 'students', 'education', 'college', 'university'],
    military: ['troops', 'military', 'war', 'nuclear', 'weapons', 'soldiers', 'army', 'missiles'],
    scale: ['million', 'millions', 'billion', 'billions', 'trillion', 'thousand', 'thousands', 'hundreds'],
  },
  de: {
    vote: ['abstimmung', 'abgestimmt', 'stimmte', 'stimmten', 'gestimmt', 'stimmen', 'wahl', 'volksentscheid', 'referendum'],
    opposition: ['gegen', 'abgelehnt', 'lehnte', 'lehnten', 'blockiert', 'blockierte', 'verhindert'],
    support: ['unterstützt', 'unterstützte', 'unterstützten', 'befürwortet', 'befürwortete', 'dafür'],
    tax: ['steuer', 'steuern', '*steuer', '*steuern', 'steuerzahler', 'abgaben', 'zölle', 'zoll'],
    jobs: [
      'arbeitsplätze',
      'arbeitslosigkeit',
      'arbeitslos*',
      'beschäftigte',
      'beschäftigung',
      'arbeitnehmer',
      '*lohn',
      '*löhne',
      'gehalt',
      'gehälter',
      'jobs',
    ],
    'public-money': ['haushalt', 'defizit', 'schulden', 'verschuldung', 'ausgaben', 'ausgegeben', 'förderung', 'subventionen', 'rente', 'renten'],
    law: ['gesetz', 'gesetze', '*gesetz', 'gesetzentwurf', 'verordnung', 'gericht', '*gericht', 'verfassung'],
    crime: ['kriminalität', 'straftaten', 'polizei', 'gefängnis', 'mord', 'morde', 'drogen', 'festgenommen', 'waffen'],
    health: ['gesundheit', '*gesundheit', 'krankenhaus', 'krankenhäuser', 'versicherung', '*versicherung', 'ärzte', 'patienten'],
    institution: ['regierung', '*regierung', 'bund', 'bundestag', 'bundesrat', 'parlament', 'landtag', 'verwaltung', 'ministerium', 'staat'],
    economy: ['wirtschaft', 'inflation', 'preise', 'wachstum', 'bip', 'handel', 'exporte', 'importe', 'armut', 'einkommen'],
    energy: ['öl', 'gas', 'energie', 'strom', 'kohle', 'emissionen', 'klima'],
    migration: ['einwanderer', 'einwanderung', 'zuwanderung', 'flüchtlinge', 'geflüchtete', 'grenze', 'migranten', 'asyl'],
    education: ['schulen', 'schule', 'lehrer', 'lehrkräfte', 'schüler', 'studierende', 'bildung', 'hochschule', 'universität'],
    military: ['truppen', 'militär', 'bundeswehr', 'krieg', 'atomwaffen', 'waffen', 'soldaten', 'armee', 'raketen'],
    scale: ['million', 'millionen', 'milliarde', 'milliarden', 'billionen', 'tausend', 'tausende', 'hunderte'],
  },
  es: {
    vote: ['votación', 'votó', 'votaron', 'votado', 'voto', 'votos', 'votar', 'referéndum', 'elecciones'],
    opposition: ['contra', 'en contra', 'rechazó', 'rechazaron', 'rechazado', 'bloqueó', 'bloquearon', 'vetó'],
    support: ['apoyó', 'apoyaron', 'apoyado', 'respaldó', 'respaldaron', 'a favor'],
    tax: ['impuesto', 'impuestos', 'iva', 'tributos', 'contribuyentes', 'aranceles', 'fiscal'],
    jobs: ['empleo', 'empleos', 'paro', 'desempleo', 'parados', 'trabajadores', 'puestos de trabajo', 'salario', 'salarios', 'sueldo', 'sueldos'],
    'public-money': ['presupuesto', 'presupuestos', 'déficit', 'deuda', 'gasto', 'gastó', 'financiación', 'subvenciones', 'pensión', 'pensiones'],
    law: ['ley', 'leyes', 'proyecto de ley', 'decreto', 'normativa', 'tribunal', 'juzgado', 'constitución'],
    crime: ['delitos', 'delito', 'criminalidad', 'policía', 'cárcel', 'prisión', 'asesinato', 'asesinatos', 'drogas', 'detenidos', 'armas'],
    health: ['sanidad', 'salud', 'hospital', 'hospitales', 'seguro', 'médicos', 'pacientes'],
    institution: ['gobierno', 'congreso', 'senado', 'parlamento', 'administración', 'ministerio', 'estado', 'ayuntamiento'],
    economy: ['economía', 'inflación', 'precios', 'crecimiento', 'pib', 'comercio', 'exportaciones', 'importaciones', 'pobreza', 'renta'],
    energy: ['petróleo', 'gas', 'energía', 'electricidad', 'luz', 'carbón', 'emisiones', 'clima'],
    migration: ['inmigrantes', 'inmigración', 'refugiados', 'frontera', 'migrantes', 'asilo', 'pateras'],
    education: ['colegios', 'escuela', 'escuelas', 'profesores', 'alumnos', 'estudiantes', 'educación', 'universidad'],
    military: ['tropas', 'ejército', 'militar', 'guerra', 'nuclear', 'armas', 'soldados', 'misiles'],
    scale: ['millón', 'millones', 'mil millones', 'billones', 'miles', 'cientos', 'centenares'],
  },
}
