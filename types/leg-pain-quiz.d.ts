// Types for <leg-pain-quiz> (the npm package `leg-pain-quiz`). They describe the README's
// attribute and event tables; custom-elements.json says the same for editors and
// Storybook, and tests/package.rs keeps the three in agreement.
//
//   import 'leg-pain-quiz';                                  // defines the tag
//   import { LegPainQuiz, setBasePath } from 'leg-pain-quiz/element'; // defines nothing
//
// React 19: `leg-pain-quiz/react`; Vue: `leg-pain-quiz/vue`; Svelte: `leg-pain-quiz/svelte`.

/** The release, e.g. `0.2.0`: the same in the package, the element and every event. */
export declare const VERSION: string;

/**
 * Where the wasm, the stylesheet and the language files are, for hosts that move them
 * away from the loader. Call before the first element connects.
 */
export declare function setBasePath(url: string | URL): void;

/** Defines `<leg-pain-quiz>` unless it already is (what importing `leg-pain-quiz` does). */
export declare function defineLegPainQuiz(): void;

export type LegPainQuizTheme = 'auto' | 'light' | 'dark';
export type LegPainQuizOnOff = 'on' | 'off';
export type LegPainQuizEventLevel = 'basic' | 'detailed' | 'off';
/** The languages the widget speaks. */
export type LegPainQuizLocale = 'en-GB' | 'en-US' | 'es';
/** Any other `en-*` means British English, any `es-*` Spanish. */
export type LegPainQuizLang = LegPainQuizLocale | `en-${string}` | `es-${string}` | 'en' | 'es';
/**
 * Where the person is: an ISO 3166 country code (`GB`, `US`, `CO`, `FR`, …; `UK` means
 * `GB`; `EU` for the EU's 112). A country the widget has no numbers for gets no number at
 * all ("call your local emergency number"), never a borrowed one.
 */
export type LegPainQuizRegion = 'GB' | 'UK' | 'US' | 'ES' | 'EU' | (string & {});
export type LegPainQuizTriage = 'emergency' | 'urgent' | 'soon' | 'routine' | 'self_care';
export type LegPainQuizNutrient = 'magnesium' | 'vitamin_d' | 'potassium' | 'iron' | 'vitamin_b12' | 'calcium';

/** The element's attributes (read once, when the widget starts). */
export interface LegPainQuizAttributes {
  theme?: LegPainQuizTheme;
  persist?: LegPainQuizOnOff;
  'storage-key'?: string;
  events?: LegPainQuizEventLevel;
  history?: LegPainQuizOnOff;
  lang?: LegPainQuizLang;
  region?: LegPainQuizRegion;
}

/** What every event's `detail` carries. */
export interface LegPainQuizDetailBase {
  /** The widget's release, e.g. `0.2.0`. */
  version: string;
}

/** `lpq-start`: the person starts (or continues) the questions. */
export interface LegPainQuizStartDetail extends LegPainQuizDetailBase {
  /** The language the widget speaks (the person may have switched). */
  locale: LegPainQuizLocale;
}

/** `lpq-step`: `basic`, a part of the quiz begins; `detailed`, every question. */
export interface LegPainQuizStepDetail extends LegPainQuizDetailBase {
  /** The part's number, from 1. */
  step: number;
  /** How many parts there are (never depends on the answers). */
  total: number;
  /** `events="detailed"` only: the question's id. Health information. */
  question?: string;
}

/** `lpq-complete`: the results are shown. */
export interface LegPainQuizCompleteDetail extends LegPainQuizDetailBase {
  locale: LegPainQuizLocale;
  /** `events="detailed"` only: the triage level. Health information. */
  triage?: LegPainQuizTriage;
  /** `events="detailed"` only: the nutrients' ids in rank order. Health information. */
  nutrients?: LegPainQuizNutrient[];
}

export interface LegPainQuizEventMap {
  'lpq-start': CustomEvent<LegPainQuizStartDetail>;
  'lpq-step': CustomEvent<LegPainQuizStepDetail>;
  'lpq-complete': CustomEvent<LegPainQuizCompleteDetail>;
}

/** `<leg-pain-quiz>`. Attributes, not properties, configure it (see the README). */
export declare class LegPainQuiz extends HTMLElement {
  /** The release, e.g. `0.2.0` (read-only). */
  readonly version: string;
  addEventListener<K extends keyof LegPainQuizEventMap>(
    type: K,
    listener: (this: LegPainQuiz, ev: LegPainQuizEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: LegPainQuiz, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof LegPainQuizEventMap>(
    type: K,
    listener: (this: LegPainQuiz, ev: LegPainQuizEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: LegPainQuiz, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'leg-pain-quiz': LegPainQuiz;
  }
  // The events bubble and are composed: a listener on any element, the document or the
  // window receives them.
  interface HTMLElementEventMap extends LegPainQuizEventMap {}
  interface DocumentEventMap extends LegPainQuizEventMap {}
  interface WindowEventMap extends LegPainQuizEventMap {}
}
