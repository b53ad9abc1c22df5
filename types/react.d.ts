// React 19 JSX for <leg-pain-quiz>: `import type {} from 'leg-pain-quiz/react';` once in
// the app (or list it in tsconfig's `types`). Kept apart so that hosts without React need
// no React types. React 19 passes these as attributes, and `onlpq-complete`-style props
// as listeners for the custom events.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  LegPainQuiz,
  LegPainQuizAttributes,
  LegPainQuizCompleteDetail,
  LegPainQuizStartDetail,
  LegPainQuizStepDetail,
} from './leg-pain-quiz.js';

export interface LegPainQuizJsxProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<LegPainQuiz>, LegPainQuiz>, 'lang'>,
    LegPainQuizAttributes {
  'onlpq-start'?: (event: CustomEvent<LegPainQuizStartDetail>) => void;
  'onlpq-step'?: (event: CustomEvent<LegPainQuizStepDetail>) => void;
  'onlpq-complete'?: (event: CustomEvent<LegPainQuizCompleteDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'leg-pain-quiz': LegPainQuizJsxProps;
    }
  }
}
