// Svelte 5 for <leg-pain-quiz>: `import type {} from 'leg-pain-quiz/svelte';` once in the
// app. Listeners use Svelte 5's `onlpq-complete={...}` form.
import type { HTMLAttributes } from 'svelte/elements';
import type {
  LegPainQuiz,
  LegPainQuizAttributes,
  LegPainQuizCompleteDetail,
  LegPainQuizStartDetail,
  LegPainQuizStepDetail,
} from './leg-pain-quiz.js';

export interface LegPainQuizSvelteProps extends Omit<HTMLAttributes<LegPainQuiz>, 'lang'>, LegPainQuizAttributes {
  'onlpq-start'?: (event: CustomEvent<LegPainQuizStartDetail>) => void;
  'onlpq-step'?: (event: CustomEvent<LegPainQuizStepDetail>) => void;
  'onlpq-complete'?: (event: CustomEvent<LegPainQuizCompleteDetail>) => void;
}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'leg-pain-quiz': LegPainQuizSvelteProps;
  }
}
