// A small typed host: what a TypeScript site writes with the package's types. tsc must
// accept all of it (tests/package.rs: the_types_accept_a_typed_host).
import { LegPainQuiz, VERSION, setBasePath } from 'leg-pain-quiz/element';
import type { LegPainQuizCompleteDetail, LegPainQuizNutrient, LegPainQuizTriage } from 'leg-pain-quiz';

setBasePath('/assets/leg-pain-quiz/');
const version: string = VERSION;

// The tag's element type comes from HTMLElementTagNameMap.
const quiz: LegPainQuiz = document.createElement('leg-pain-quiz');
const found: LegPainQuiz | null = document.querySelector('leg-pain-quiz');
const same: string = quiz.version;
quiz.setAttribute('theme', 'dark');
quiz.setAttribute('events', 'detailed');

// Events: the detail is typed on the element, on any element and on the document.
quiz.addEventListener('lpq-complete', (e) => {
  const triage: LegPainQuizTriage | undefined = e.detail.triage;
  const first: LegPainQuizNutrient | undefined = e.detail.nutrients?.[0];
  const locale: 'en-GB' | 'en-US' | 'es' = e.detail.locale;
  console.log(triage, first, locale, e.detail.version);
});
document.addEventListener('lpq-step', (e) => {
  const progress: number = e.detail.step / e.detail.total;
  const question: string | undefined = e.detail.question;
  console.log(progress, question);
});
document.body.addEventListener('lpq-start', (e) => console.log(e.detail.locale.toUpperCase()));
window.addEventListener('lpq-complete', (e) => console.log(e.detail.version));

function record(detail: LegPainQuizCompleteDetail): string {
  return `${detail.locale} ${detail.version}`;
}
found?.addEventListener('lpq-complete', (e) => record(e.detail));
console.log(version, same);
