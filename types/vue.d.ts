// Vue 3 for <leg-pain-quiz>: `import type {} from 'leg-pain-quiz/vue';` once in the app,
// and tell Vue's compiler the tag is a custom element
// (`compilerOptions.isCustomElement: (tag) => tag === 'leg-pain-quiz'`).
import type { DefineComponent } from 'vue';
import type {
  LegPainQuizAttributes,
  LegPainQuizCompleteDetail,
  LegPainQuizStartDetail,
  LegPainQuizStepDetail,
} from './leg-pain-quiz.js';

export type LegPainQuizVue = DefineComponent<
  LegPainQuizAttributes,
  {},
  {},
  {},
  {},
  {},
  {},
  {
    'lpq-start': (event: CustomEvent<LegPainQuizStartDetail>) => void;
    'lpq-step': (event: CustomEvent<LegPainQuizStepDetail>) => void;
    'lpq-complete': (event: CustomEvent<LegPainQuizCompleteDetail>) => void;
  }
>;

declare module 'vue' {
  interface GlobalComponents {
    'leg-pain-quiz': LegPainQuizVue;
  }
}
