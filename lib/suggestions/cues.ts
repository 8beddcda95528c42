// Small closed word classes the suggestion model reads in every language: who
// speaks (I, we, you), whether the sentence argues, hopes or promises rather than
// reports, courtesy, vague words. Closed classes translate one for one, so weights
// learned on English data mean the same in German and Spanish (./features.ts).
// Words are matched lowercased on whole tokens; a cue of several words matches
// them in a row.
import type { Language } from './vocabulary'

export type CueList =
  | 'firstSingular'
  | 'firstPlural'
  | 'secondPerson'
  | 'thirdPerson'
  | 'future'
  | 'modal'
  | 'opinion'
  | 'negation'
  | 'courtesy'
  | 'vague'
  | 'hedge'
  | 'past'
  | 'perfectAuxiliary'

export const CUES: Record<Language, Record<CueList, readonly string[]>> = {
  en: {
    firstSingular: ['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'll", "i'd"],
    firstPlural: ['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'll", "we'd", "let's"],
    secondPerson: ['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'll", "you'd"],
    thirdPerson: ['he', 'she', 'him', 'his', 'her', 'hers', 'they', 'them', 'their', "he's", "she's", "they're"],
    future: ['will', "won't", "'ll", 'going to', 'gonna', 'is to', 'are to', 'plans to', 'intends to'],
    modal: ['would', 'should', 'could', 'must', 'might', 'can', 'cannot', "can't", 'ought', 'need to', 'have to', 'has to'],
    opinion: [
      'think', 'believe', 'feel', 'hope', 'want', 'wish', 'guess', 'suppose', 'agree', 'disagree', 'sure', 'mean',
      'know', 'understand', 'opinion', 'let me', 'frankly', 'clearly', 'obviously',
    ],
    negation: ['not', "n't", 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor'],
    courtesy: ['thank', 'thanks', 'applause', 'laughter', 'welcome', 'good evening', 'good morning', 'ladies', 'gentlemen', 'congratulations', 'please'],
    vague: ['something', 'everything', 'anything', 'everybody', 'somebody', 'things', 'stuff', 'people', 'lot', 'kind of'],
    hedge: ['maybe', 'perhaps', 'probably', 'possibly', 'seems', 'likely', 'may'],
    /** Irregular past forms; regular ones are found by their ending (./features.ts). */
    past: [
      'was', 'were', 'did', 'had', 'said', 'made', 'took', 'gave', 'went', 'came', 'got', 'lost', 'won', 'paid', 'rose',
      'fell', 'grew', 'built', 'sold', 'left', 'brought', 'spent', 'became', 'began', 'told', 'found', 'thought', 'bought',
      'kept', 'held', 'met', 'led', 'sent', 'ran', 'wrote', 'struck', 'shot', 'stood', 'taught', 'caught', 'ago',
    ],
    perfectAuxiliary: ['has', 'have', 'had', "hasn't", "haven't", "hadn't"],
  },
  de: {
    firstSingular: ['ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines'],
    firstPlural: ['wir', 'uns', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres'],
    secondPerson: ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'euch', 'euer', 'eure', 'euren'],
    thirdPerson: ['er', 'ihm', 'ihn', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'ihre', 'ihren', 'ihrem', 'ihrer'],
    future: ['wird', 'werden', 'wirst', 'werde', 'plant', 'planen', 'will', 'wollen'],
    modal: ['würde', 'würden', 'sollte', 'sollten', 'soll', 'sollen', 'muss', 'müssen', 'kann', 'können', 'könnte', 'könnten', 'darf', 'dürfen', 'möchte', 'möchten'],
    opinion: [
      'glaube', 'glauben', 'denke', 'denken', 'finde', 'finden', 'hoffe', 'hoffen', 'wünsche', 'wünschen', 'überzeugt',
      'meiner meinung', 'weiß', 'wissen', 'verstehe', 'verstehen', 'sicher', 'offen gesagt', 'klar', 'natürlich',
    ],
    negation: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'niemals', 'nichts', 'niemand', 'weder'],
    courtesy: ['danke', 'dank', 'vielen dank', 'applaus', 'beifall', 'willkommen', 'guten abend', 'guten tag', 'damen und herren', 'bitte', 'glückwunsch'],
    vague: ['etwas', 'alles', 'irgendwas', 'jeder', 'jemand', 'dinge', 'sachen', 'leute', 'menschen', 'viel', 'irgendwie'],
    hedge: ['vielleicht', 'wahrscheinlich', 'möglicherweise', 'scheint', 'eventuell', 'vermutlich'],
    past: [
      'war', 'waren', 'wurde', 'wurden', 'hatte', 'hatten', 'gab', 'kam', 'kamen', 'nahm', 'nahmen', 'stieg', 'stiegen',
      'sank', 'sanken', 'fiel', 'fielen', 'lag', 'lagen', 'traf', 'trafen', 'ging', 'gingen', 'sagte', 'sagten', 'verlor',
      'gewann', 'zahlte', 'baute', 'stimmte', 'stimmten', 'unterschrieb', 'entschied', 'beschloss', 'vor',
    ],
    perfectAuxiliary: ['hat', 'haben', 'hatte', 'hatten', 'ist', 'sind', 'war', 'waren', 'wurde', 'wurden'],
  },
  es: {
    firstSingular: ['yo', 'me', 'mi', 'mis', 'mío', 'mía', 'conmigo'],
    firstPlural: ['nosotros', 'nosotras', 'nos', 'nuestro', 'nuestra', 'nuestros', 'nuestras'],
    secondPerson: ['tú', 'te', 'ti', 'tu', 'tus', 'usted', 'ustedes', 'vosotros', 'vosotras', 'os', 'vuestro', 'vuestra', 'vuestros', 'contigo'],
    thirdPerson: ['él', 'ella', 'ellos', 'ellas', 'le', 'les'],
    future: ['va a', 'van a', 'vamos a', 'voy a', 'vas a', 'será', 'serán', 'habrá', 'hará', 'haremos', 'tendrá', 'planea', 'pretende'],
    modal: ['debería', 'deberían', 'debe', 'deben', 'debemos', 'podría', 'podrían', 'puede', 'pueden', 'podemos', 'hay que', 'tenemos que', 'tiene que', 'tienen que', 'quiere', 'queremos'],
    opinion: [
      'creo', 'creemos', 'pienso', 'pensamos', 'opino', 'espero', 'esperamos', 'quiero', 'me parece', 'considero',
      'siento', 'sé', 'sabemos', 'entiendo', 'seguro', 'claro', 'evidentemente', 'obviamente', 'francamente',
    ],
    negation: ['no', 'nunca', 'nada', 'nadie', 'jamás', 'tampoco', 'ninguno', 'ninguna', 'ni'],
    courtesy: ['gracias', 'aplausos', 'bienvenidos', 'bienvenidas', 'buenas tardes', 'buenos días', 'buenas noches', 'señorías', 'enhorabuena', 'por favor'],
    vague: ['algo', 'todo', 'todos', 'cualquier', 'alguien', 'cosas', 'gente', 'mucho', 'tipo de'],
    hedge: ['quizá', 'quizás', 'tal vez', 'probablemente', 'posiblemente', 'parece', 'acaso'],
    past: ['fue', 'fueron', 'era', 'eran', 'hubo', 'había', 'habían', 'tuvo', 'tuvieron', 'hizo', 'hicieron', 'dijo', 'dijeron', 'hace'],
    perfectAuxiliary: ['ha', 'han', 'he', 'hemos', 'has', 'había', 'habían', 'habría', 'hubo'],
  },
}
