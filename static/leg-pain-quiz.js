// <leg-pain-quiz>: the one-tag embed. Load this module from any path or origin; it finds
// the wasm and stylesheet next to itself, renders each element into its own shadow
// root, and falls back to a plain safety message if WebAssembly can't run.
import init, { mount } from './wasm/leg-pain-quiz.js';

const here = new URL('.', import.meta.url);
let ready = null;

function boot() {
  if (!ready) {
    ready = init({ module_or_path: new URL('wasm/leg-pain-quiz_bg.wasm', here) });
  }
  return ready;
}

// Shown when WebAssembly can't run: the warning signs matter most.
function fallback(root) {
  root.replaceChildren();
  const box = document.createElement('div');
  box.className = 'lpq-app lpq-fallback-box';
  const lines = [
    ['strong', 'The leg pain quiz could not start in this browser.'],
    ['p', 'Call 999 (UK), 911 (US), 112 (Europe) or your local emergency number now if one leg is swollen and painful with breathlessness or chest pain, a leg suddenly turns cold, pale or numb, or you have sudden weakness on one side, a drooping face or slurred speech.'],
    ['p', 'See a doctor if leg cramps or restless legs are frequent, keep you awake, or come with swelling, numbness or weakness.'],
  ];
  for (const [tag, text] of lines) {
    const el = document.createElement(tag === 'strong' ? 'p' : tag);
    if (tag === 'strong') {
      const strong = document.createElement('strong');
      strong.textContent = text;
      el.append(strong);
    } else {
      el.textContent = text;
    }
    box.append(el);
  }
  root.append(box);
}

function stylesheet(shadow) {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('leg-pain-quiz.css', here).href;
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
    shadow.append(link);
  });
}

// A widget with neither `storage-key` nor `id` saves under a key that follows its place
// among such widgets on the page (1, 2, …), so each keeps its own answers across reloads
// whatever order the widgets happen to finish loading in.
function ordinal(element) {
  const scope = element.getRootNode();
  const unnamed = [...scope.querySelectorAll('leg-pain-quiz')].filter(
    (e) => !(e.getAttribute('storage-key') || '').trim() && !e.id,
  );
  return Math.max(1, unnamed.indexOf(element) + 1);
}

class LegPainQuiz extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const root = document.createElement('div');
    root.className = 'lpq-root';
    // The content is English, left to right, whatever the host page's `lang` and `dir`
    // (the element's own `lang` attribute is a setting, and `dir` crosses `all: initial`).
    root.lang = 'en';
    root.dir = 'ltr';
    const styled = stylesheet(shadow);
    shadow.append(root);
    Promise.all([boot(), styled])
      .then(() => mount(root, this, ordinal(this)))
      .catch((error) => {
        console.error('leg-pain-quiz: could not start', error);
        fallback(root);
      });
  }
}

if (!customElements.get('leg-pain-quiz')) {
  customElements.define('leg-pain-quiz', LegPainQuiz);
}
