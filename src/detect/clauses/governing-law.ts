import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { headingMatches, missing, result, textOf } from '../util.js';

const CHOICE = [
  /\b(?:governed|construed|interpreted|enforced|determined|controlled|regulated|applied)\b[^.;]{0,120}?\b(?:in accordance with|under|by|pursuant to)\b[^.;]{0,40}?\blaws?\b[^.;]{0,30}?\bof/i,
  /\b(?:governed|construed|interpreted)\b[^.;]{0,120}?\b(?:in accordance with|under|by)\s+(?:the\s+)?(?:substantive\s+|internal\s+|domestic\s+)?(?:English|Scots?|Irish|French|German|Swiss|Dutch|Swedish|Israeli|Indian|Chinese|Japanese|Korean|Singapore|Hong Kong|Canadian|Australian|Delaware|New York|California|Texas|Florida|Nevada|Illinois|Massachusetts|[A-Z][a-z]+)\s+law\b/,
  /\blaws? of\b[^.;]{0,80}?\b(?:shall|will)\s+(?:govern|apply|control)\b/i,
  /\bgoverning law\b[^.;]{0,40}?\b(?:is|shall be|will be)\b[^.;]{0,20}?\b(?:the )?laws?\b/i,
  /\bsubject to the (?:exclusive )?(?:laws?|jurisdiction) of (?:the )?(?:State|Commonwealth|Province|Republic|Kingdom|People's Republic) of\b/i,
];
const DEFINED_TERM = /\b[Tt]he Governing Law (?:will|shall) govern\b/;
// A Cover Page variable where the place should be: "the laws of Governing Member State", "the Applicable Jurisdiction".
const VARIABLE_LAW = /^(?:Governing|Applicable|Chosen|Selected|Designated|Relevant)\b/;
const JURISDICTION = /\blaws? of\s+(?:the\s+)?((?:State|Commonwealth|Province|Republic|Kingdom|People's Republic) of\s+)?([A-Z][\w.]*(?:\s+(?:and\s+)?[A-Z][\w.]*){0,4})/;

export const governingLaw: ClauseDetector = {
  id: 'governing-law',
  title: 'Governing law',
  detect(a: AnalysedDocument) {
    let variable: Sentence | null = null;
    for (const s of a.sentences) {
      if (!/\blaws?\b|\bgovern/i.test(s.text)) continue;
      const t = textOf(s).replace(/\bofthe\b/gi, 'of the').replace(/\b(State|Commonwealth|Province|Republic)of\b/g, '$1 of');
      if (DEFINED_TERM.test(t)) return result('governing-law', 'referenced', s, { law: null }, ['defined-elsewhere']);
      if (CHOICE.some((re) => re.test(t)) && !/\bexcluding\b[^.]{0,20}$/.test(t)) {
        const m = JURISDICTION.exec(t) ?? /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) law\b/.exec(t);
        if (m && m.length === 3 && m[1] === undefined && VARIABLE_LAW.test(m[2]!)) {
          variable ??= s;
          continue;
        }
        if (m && m.length === 2) return result('governing-law', 'present', s, { law: m[1]! });
        const law = m ? `${m[1] ?? ''}${m[2]}`.trim() : null;
        return result('governing-law', 'present', s, { law });
      }
    }
    if (variable) return result('governing-law', 'referenced', variable, { law: null }, ['defined-elsewhere']);
    const headed = a.sentences.find((s) => headingMatches(s.path, /\b(?:governing|applicable|choice of) law\b/i) && /\blaws?\b/i.test(s.text));
    if (headed) {
      const m = JURISDICTION.exec(headed.text);
      return result('governing-law', 'present', headed, { law: m ? `${m[1] ?? ''}${m[2]}`.trim() : null });
    }
    return missing('governing-law', { law: null });
  },
};
