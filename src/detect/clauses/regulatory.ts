import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { headingMatches, isDelegated, textOf } from '../util.js';

/**
 * Shared parts of the regulatory clauses (catalogue section A): the triggers that make a conditional clause
 * apply, and the element check used by the GDPR Art. 28(3) and HIPAA 164.504(e)(2) detectors.
 */

/** Personal data is handled: the trigger of the GDPR clauses. */
export const PERSONAL_DATA = /\b(?:personal (?:data|information)|personal (?:or|and) [a-z-]+(?: related)? (?:data|information)|personally identifiable information|data subjects?|call recordings?|customer records)\b/i;
/** Health data: the trigger of the business associate terms. */
export const HEALTH_DATA = /\b(?:protected health information|phi|ephi|medical records?|health (?:records?|information)|covered entit(?:y|ies)|business associates?)\b/i;
/**
 * Patients whose information the supplier handles: their records, data or calls ("patients' medical records",
 * "answer calls from patients"). A patient named in a clinical or regulatory milestone ("the dosing of the first
 * patient in the first human clinical trial") is no health information handled under the contract.
 */
export const PATIENT_DATA = /\bpatients?['’]?s?\b[^.;]{0,30}?\b(?:records?|data|information|details|histor(?:y|ies)|files?|calls?|enquir\w*|inquir\w*|appointments?)\b|\b(?:calls?|contacts?|communications?|enquir\w*|inquir\w*|records?|data|information|details|files?)\b[^.;]{0,30}?\b(?:from|to|with|of|about|regarding|concerning)\s+(?:the\s+|its\s+|their\s+|any\s+)?patients?\b/i;
/** Card data: the trigger of PCI DSS. */
export const CARD_DATA = /\b(?:cardholder data|payment cards?|(?:credit|debit)(?: or (?:credit|debit))? cards?|card payments?|primary account numbers?|pci(?:[ -]?dss)?)\b/i;
/** "PAN" only in capitals: "pan-European" is not a card number. */
export const PAN = /\bPAN\b(?!-)/;
/** Personal data may leave the EEA/UK. */
export const OUTSIDE_EEA = /\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?(?:EEA|European Economic Area|European Union|EU|UK|United Kingdom|country|jurisdiction)\b|\b(?:leav\w+|exit\w*)\s+(?:the\s+)?(?:EEA|European Economic Area|European Union|EU|UK|United Kingdom|Switzerland)\b|\b(?:international|cross-border|restricted|onward|ex-EEA|ex-UK) (?:data )?transfers?\b|\bthird countr(?:y|ies)\b|\btransfer\w*\b[^.;]{0,80}?\b(?:to|in|into) (?:any )?(?:other |another |a )?countr(?:y|ies)\b|\boff-?shor(?:e|ing)\b/i;

/** A sentence that releases a duty rather than imposing it: "shall not be required to", "has no obligation to". */
export const RELEASES_DUTY = /\b(?:not|no longer) (?:be )?(?:required|obliged|obligated|responsible)\b|\bunder no obligation\b|\bhas no obligation\b|\bnothing in this\b[^.;]{0,60}?\b(?:requires?|obliges?)\b/i;

/** The first sentence matching, preferring one under a heading that matches `heading`. */
export function firstMatch(a: AnalysedDocument, test: (t: string, s: Sentence) => boolean, heading?: RegExp): Sentence | null {
  let first: Sentence | null = null;
  for (const s of a.sentences) {
    if (!test(textOf(s), s)) continue;
    if (!heading || headingMatches(s.path, heading)) return s;
    first ??= s;
  }
  return first;
}

export interface Element {
  /** Short code used in reasons and values: "a", "instructions". */
  code: string;
  /** Where the requirement comes from: "Art. 28(3)(a) GDPR". */
  cite: string;
  /** What the element requires, for the message. */
  label: string;
  /** True when the sentence covers the element. */
  test: (t: string) => boolean;
}

export interface ElementScan {
  found: Map<string, Sentence>;
  missing: Element[];
  /** The first sentence covering any element (where the terms live). */
  anchor: Sentence | null;
}

/** Which elements the document covers: a sentence covers one when it matches and does not release the duty. */
export function scanElements(a: AnalysedDocument, elements: readonly Element[], scope: (s: Sentence) => boolean = () => true): ElementScan {
  const found = new Map<string, Sentence>();
  let anchor: Sentence | null = null;
  for (const s of a.sentences) {
    if (!scope(s)) continue;
    const t = textOf(s);
    if (RELEASES_DUTY.test(t)) continue;
    for (const e of elements) {
      if (found.has(e.code) || !e.test(t)) continue;
      found.set(e.code, s);
      if (!anchor || s.index < anchor.index) anchor = s;
    }
  }
  return { found, missing: elements.filter((e) => !found.has(e.code)), anchor };
}

/** The documents that carry data protection terms when a contract hands them on. */
export const DPA_DOCUMENT = /\b(?:Data (?:Processing|Protection) (?:Agreement|Addendum|Schedule|Terms)|DPA)\b/i;
export const BAA_DOCUMENT = /\b(?:Business Associate (?:Agreement|Addendum)|BAA)\b/i;

/** True when the document is itself the named document (a DPA does not hand its terms on to "the DPA"). */
export function isItself(a: AnalysedDocument, document: RegExp): boolean {
  const head = a.doc.title ?? '';
  return document.test(head) && !/\b(?:to|under|with|and)\b/i.test(head.replace(document, ''));
}

/**
 * The first sentence handing the topic to another document ("as set out in the DPA", "the terms of the DPA
 * will control"). With `document`, only those documents count: the Standard Contractual Clauses "incorporated by
 * reference" do not hand on the processor terms of a DPA; and a document never hands its terms on to itself.
 */
export function delegation(a: AnalysedDocument, topic: RegExp, document?: RegExp): Sentence | null {
  if (document && isItself(a, document)) return null;
  const named = document ? new RegExp(String.raw`\b(?:the|a|an|any|its|their|separate|such)\s+(?:${document.source.replace(/^\\b|\\b$/g, '')})`, 'i') : null;
  return a.sentences.find((s) => {
    const t = textOf(s);
    if (!topic.test(t)) return false;
    if (!named) return isDelegated(t);
    return named.test(t) && !/\bthis (?:DPA|BAA|Data (?:Processing|Protection) (?:Agreement|Addendum)|Business Associate Agreement)\b/i.test(t);
  }) ?? null;
}

/** Data the contract forbids ("Prohibited Data", "Customer will not submit PHI") is not data it covers. */
const PROHIBITED = /\bprohibited data\b|\b(?:not|never)\s+(?:[\w-]+\s+){0,3}?(?:submit|upload|provide|transmit|send|store|disclose|share|input|process|handle|collect|receive|host)\w*\b|\bmust not\b/i;
/** A role denied: "Acme is not a Business Associate", "we do not act as a covered entity". */
const ROLE_DENIED = /\b(?:is|are|acts?|serves?|will be|shall be|do(?:es)?)\s+not\s+(?:act\s+|serve\s+)?(?:as\s+)?(?:an?\s+)?(?:business associates?|covered entit(?:y|ies))\b|\bnot\s+(?:a|an)\s+(?:business associate|covered entity)\b/i;

/**
 * Whether the trigger of a conditional clause is there: a heading or a sentence that mentions the data, other
 * than one forbidding it or one that `exclude` sets aside.
 */
export function triggered(a: AnalysedDocument, re: RegExp, exclude?: RegExp | ((t: string, s: Sentence) => boolean)): Sentence | true | null {
  // A quick look at the whole text first (not for patterns anchored to a sentence's start).
  if (!re.source.startsWith('^') && !re.test(a.lowerText)) return null;
  for (const s of a.sentences) {
    const t = textOf(s);
    const excluded = exclude === undefined ? false : typeof exclude === 'function' ? exclude(t, s) : exclude.test(t);
    if (re.test(t) && !PROHIBITED.test(t) && !ROLE_DENIED.test(t) && !excluded) return s;
  }
  return a.sections.some(({ section }) => section.heading !== null && re.test(section.heading)) ? true : null;
}
