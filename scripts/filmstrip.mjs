// What a person on a phone sees while the widget loads: screenshots at set moments after
// navigation starts, on the benchmark's phone profile (CPU 4× slower, 150 ms round trips,
// 1.6 Mbps down, 750 kbps up; see benches/field.rs), cold (no cache, nothing saved), at
// 390×844.
//
//   node scripts/filmstrip.mjs [--out DIR] [--page /index.html] [--at 500,1000,2000]
//   node scripts/filmstrip.mjs --steps N [--page /index.html]
//
// Needs a release build in dist/ (`trunk build --release`), Debian's chromium and
// playwright-core (`npm install --prefix .tools playwright-core`, or NODE_PATH to one).
// Files are served as benches/static_host.rs serves them: each compressed ahead of time
// (brotli quality 11, gzip level 9), the encoding picked from `Accept-Encoding`, no-cache.
//
// The moments are taken from the browser's own frames, not from timers in this script:
// a screencast sends every frame the compositor draws, with its time, and the picture
// at a moment is the last frame drawn at or before it (what was on the screen then).
// Writes DIR/filmstrip-<ms>ms.png and prints, for each, which frame it is and what the
// page had by then (the warning signs shown, the app's Start working).
//
// `--steps N` profiles the step instead, on the same profile: walks through the quiz
// (safe answers, as the benchmark's walk) until N clicks on Next are timed, each from the
// click (as a frame starts) to the end of that frame, which draws the next question,
// under a trace of the browser's main thread. It prints, per step (median, and the mean
// of the parts): the page's own time in the calls a step may make (storage, history,
// focus, blur, the event told to the host), and the main thread's time by kind inside
// the step (script and wasm, style, layout, paint, other), from the trace: wall time, and
// the thread's CPU time (the emulated 4× slowdown counts in it), which other load on the
// machine, taking the thread off the CPU, hardly moves.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg, openPage, root, serve } from './served-page.mjs';

const out = resolve(arg('--out', join(root, 'target/filmstrip')));
const pagePath = arg('--page', '/index.html');
const moments = arg('--at', '500,1000,2000').split(',').map(Number);
const dist = resolve(process.env.LPQ_DIST || join(root, 'dist'));
// More to serve, as `url=path` pairs separated by commas: a folder under a URL prefix
// ending in `/`, or one file at a URL (the peer: see benches/peer/ and scripts/bench.sh).
const extraDirs = (process.env.LPQ_FILMSTRIP_MOUNT || '').split(',').filter(Boolean);
const { server, base } = await serve(dist, extraDirs.map((m) => m.split('=')));

// --- the browser, on the phone profile -----------------------------------------------
const { browser, page, cdp } = await openPage({ phone: true });
// What the page had, frame by frame: recorded in the page, read at the end.
await page.addInitScript(() => {
  const seen = window.__filmstrip = { early: null, ready: null };
  const roots = () => [document].concat(Array.from(document.querySelectorAll('leg-pain-quiz'), h => h.shadowRoot).filter(Boolean));
  const shown = el => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const has = css => roots().some(r => Array.from(r.querySelectorAll(css)).some(shown));
  const frame = () => {
    const t = performance.now();
    if (seen.early === null && has('[data-lpq-warnings]')) seen.early = t;
    if (seen.ready === null && performance.getEntriesByName('lpq-ready').length && has('[data-action="start"]')) seen.ready = t;
    if (seen.ready === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
});

const stepsWanted = Number(arg('--steps', 0));
if (stepsWanted > 0) {
  await profileSteps(stepsWanted);
  await browser.close();
  server.close();
  process.exit(0);
}

const frames = [];
cdp.on('Page.screencastFrame', ({ data, metadata, sessionId }) => {
  frames.push({ wall: metadata.timestamp * 1000, data });
  cdp.send('Page.screencastFrameAck', { sessionId }).catch(() => {});
});
await page.goto('about:blank');
await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1, maxWidth: 390, maxHeight: 844 });
const last = Math.max(...moments);
await page.goto(`${base}${pagePath}?filmstrip=${Date.now()}`, { waitUntil: 'commit' });
const origin = await page.evaluate(() => performance.timeOrigin);
// Let the last moment pass, and a frame after it arrive.
await page.waitForFunction(t => performance.now() > t, last + 500, { timeout: last + 30000, polling: 100 });
await cdp.send('Page.stopScreencast');
const seen = await page.evaluate(() => window.__filmstrip);
// When each file had arrived, and the first paints, for telling the pictures apart.
const arrivals = await page.evaluate(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const rows = [[new URL(nav.name).pathname, nav.responseEnd]];
  for (const r of performance.getEntriesByType('resource')) rows.push([new URL(r.name).pathname, r.responseEnd]);
  for (const p of performance.getEntriesByType('paint')) rows.push([`(${p.name})`, p.startTime]);
  return rows.sort((a, b) => a[1] - b[1]);
});

mkdirSync(out, { recursive: true });
const fmt = v => (v === null || v === undefined ? 'not yet' : `${Math.round(v)} ms`);
console.log('arrived (ms from navigation): ' + arrivals.map(([what, t]) => `${what} ${Math.round(t)}`).join(', '));
console.log(`${pagePath} on the phone profile, ${frames.length} frames drawn; warning signs shown ${fmt(seen.early)}, the app's Start working ${fmt(seen.ready)}`);
for (const at of moments) {
  const before = frames.filter(f => f.wall - origin <= at);
  const frame = before[before.length - 1];
  const file = join(out, `filmstrip-${at}ms.png`);
  // No frame yet: nothing was drawn since the screencast began (no picture written).
  if (frame) writeFileSync(file, Buffer.from(frame.data, 'base64'));
  const state = [
    seen.early !== null && seen.early <= at ? 'warning signs shown' : null,
    seen.ready !== null && seen.ready <= at ? "the app's Start works" : null,
  ].filter(Boolean).join(', ') || 'no warning signs yet';
  console.log(`  ${at} ms: ${file} (frame drawn at ${frame ? Math.round(frame.wall - origin) + ' ms' : 'none'}; by then: ${state})`);
}
await browser.close();
server.close();

// --- the step --------------------------------------------------------------------------

/// Safe answers (no warning sign, no interrupt): the benchmark's walk (benches/budget.rs).
function walkAnswers() {
  return {
    for_whom: 'myself', age: '18_50', sensation: 'cramp', cramp_pattern: 'short', leg_signs: 'none',
    body_signs: 'none', since: 'months_stable', frequency: 'occasional', legs: 'both_legs', circumstances: 'none',
    sex: 'female', daily_life: 'none', medicines: 'none', other_medicines: 'none', conditions: 'none',
    diet: 'vegetarian', diet_since: 'longer', avoid: 'none', eats: 'fruit_veg', daylight: 'little',
  };
}

async function profileSteps(wanted) {
  // Timers around the calls a step may make, in the page, from before its own scripts.
  await page.addInitScript(() => {
    const probe = window.__probe = { on: false, storage: 0, history: 0, focus: 0, forced: 0, blur: 0, host: 0 };
    const wrap = (proto, name, bucket) => {
      const f = proto[name];
      if (!f) return;
      proto[name] = function (...args) {
        if (!probe.on) return f.apply(this, args);
        const t = performance.now();
        try { return f.apply(this, args); } finally { probe[bucket] += performance.now() - t; }
      };
    };
    for (const name of ['getItem', 'setItem', 'removeItem']) wrap(Storage.prototype, name, 'storage');
    for (const name of ['pushState', 'replaceState']) wrap(History.prototype, name, 'history');
    wrap(HTMLElement.prototype, 'blur', 'blur');
    // focus() first brings style and layout up to date (the frame would do it anyway):
    // that part is timed apart, by asking for the element's box just before.
    const focus = HTMLElement.prototype.focus;
    HTMLElement.prototype.focus = function (...args) {
      if (!probe.on) return focus.apply(this, args);
      const t = performance.now();
      this.getBoundingClientRect();
      const u = performance.now();
      try { return focus.apply(this, args); } finally { probe.forced += u - t; probe.focus += performance.now() - u; }
    };
    // The event told to the host page (dispatched on the <leg-pain-quiz> element).
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (e) {
      if (!probe.on || !(this instanceof HTMLElement) || this.localName !== 'leg-pain-quiz') return dispatch.call(this, e);
      const t = performance.now();
      try { return dispatch.call(this, e); } finally { probe.host += performance.now() - t; }
    };
  });
  const STEP = ([walk]) => new Promise(done => {
    const root = document.querySelector('leg-pain-quiz').shadowRoot;
    const current = () => Array.from(root.querySelectorAll('[data-question]'), q => q.dataset.question).join(' ') || null;
    const id = current();
    const next = root.querySelector('[data-action="next"]');
    if (!id || !next || next.offsetParent === null) return done(null);
    for (const q of root.querySelectorAll('[data-question]')) {
      const option = q.querySelector(`[data-option="${walk[q.dataset.question]}"] input`);
      if (option && !option.checked) option.click();
    }
    // Next is clicked as a frame starts and the step ends once that frame is rendered,
    // as the benchmark times it (benches/field.rs, STEP).
    requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => {
      const probe = window.__probe;
      for (const k of ['storage', 'history', 'focus', 'forced', 'blur', 'host']) probe[k] = 0;
      probe.on = true;
      performance.mark('lpq-step-start');
      const t0 = performance.now();
      const end = () => {
        const t1 = performance.now();
        performance.mark('lpq-step-end');
        setTimeout(() => {
          probe.on = false;
          const { storage, history, focus, forced, blur, host } = probe;
          done({ id, step: t1 - t0, storage, history, focus, forced, blur, host });
        }, 0);
      };
      setTimeout(() => {
        if (current() !== id) return end();
        const observer = new MutationObserver(() => {
          if (current() !== id) { observer.disconnect(); requestAnimationFrame(() => setTimeout(end, 0)); }
        });
        observer.observe(root, { childList: true, subtree: true, attributes: true });
      }, 0);
      root.querySelector('[data-action="next"]').click();
      // A question the walk has no answer for stays on screen with its error: say which,
      // rather than wait for a change that never comes.
      setTimeout(() => { if (current() === id) done({ id, unanswered: true }); }, 3000);
    })));
  });
  const walk = walkAnswers();
  const rows = [];
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let k = 0; rows.length < wanted; k++) {
    await page.goto(`${base}${pagePath}?steps=${k}`);
    await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
    await page.goto(`${base}${pagePath}?steps=${k}b`);
    await page.waitForFunction(() => {
      const r = document.querySelector('leg-pain-quiz')?.shadowRoot;
      return performance.getEntriesByName('lpq-ready').length && r && r.querySelector('.lpq-app [data-action="start"]');
    });
    await page.evaluate(() => document.querySelector('leg-pain-quiz').shadowRoot.querySelector('.lpq-app [data-action="start"]').click());
    await page.waitForFunction(() => document.querySelector('leg-pain-quiz').shadowRoot.querySelector('[data-question]'));
    const before = rows.length;
    for (;;) {
      const r = await page.evaluate(STEP, [walk]);
      if (!r) break;
      if (r.unanswered) throw new Error(`the walk has no answer for ${r.id}: add one to walkAnswers()`);
      rows.push(r);
    }
    if (rows.length === before) throw new Error('a walk timed no step');
  }
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents || trace;

  // The renderer's main thread, and the step windows on it (from the marks).
  const mainThread = events.find(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' &&
    events.some(m => m.name === 'lpq-step-start' && m.pid === e.pid && m.tid === e.tid));
  const starts = events.filter(e => e.name === 'lpq-step-start').map(e => e.ts).sort((a, b) => a - b);
  const ends = events.filter(e => e.name === 'lpq-step-end').map(e => e.ts).sort((a, b) => a - b);
  const windows = starts.map(s => [s, ends.find(e => e > s)]).filter(w => w[1]);
  const kindOf = name => {
    if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|InvalidateLayout)$/.test(name)) return 'style';
    if (/^(Layout|UpdateLayout)$/.test(name)) return 'layout';
    if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintImage|RasterTask)$/.test(name)) return 'paint';
    if (/^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.|V8\.|EvaluateScript|v8\.run|v8\.callFunction)/.test(name)) return 'script and wasm';
    if (/^(MajorGC|MinorGC|V8\.GC|BlinkGC)/.test(name)) return 'garbage collection';
    return 'other';
  };
  const slices = events
    .filter(e => mainThread && e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time of each slice (its time less its children's), clipped to the step windows.
  const totals = {};
  const stack = [];
  const inWindows = (a, b) => windows.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
  const selfTimes = new Map();
  // The thread's own CPU time too (`tdur`), for the slices that began inside a step: on a
  // machine shared with other work, wall time stretches with their load and CPU time
  // hardly does, so it compares two builds measured at different moments.
  const cpuTimes = new Map();
  const began = (e) => windows.some(([a, b]) => e.ts >= a && e.ts < b);
  for (const e of slices) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    selfTimes.set(e, inWindows(e.ts, e.ts + e.dur));
    if (parent) selfTimes.set(parent, selfTimes.get(parent) - inWindows(e.ts, e.ts + e.dur));
    if (e.tdur !== undefined) {
      cpuTimes.set(e, (cpuTimes.get(e) || 0) + e.tdur);
      if (parent && parent.tdur !== undefined) cpuTimes.set(parent, (cpuTimes.get(parent) || 0) - e.tdur);
    }
    stack.push(e);
  }
  const cpu = {};
  for (const [e, us] of selfTimes) {
    // Nested trace slices under a top-level task: the task's own slice is "other" (the
    // scheduler); RunTask with nothing inside is idle bookkeeping.
    const kind = kindOf(e.name);
    totals[kind] = (totals[kind] || 0) + us / 1000;
    if (cpuTimes.has(e) && began(e)) cpu[kind] = (cpu[kind] || 0) + cpuTimes.get(e) / 1000;
  }
  const n = rows.length;
  const median = key => { const v = rows.map(r => r[key]).sort((a, b) => a - b); return v[Math.floor((v.length - 1) / 2)]; };
  const p95 = key => { const v = rows.map(r => r[key]).sort((a, b) => a - b); return v[Math.round((v.length - 1) * 0.95)]; };
  const mean = key => rows.reduce((s, r) => s + r[key], 0) / n;
  const f = v => v.toFixed(2).padStart(7);
  console.log(`${pagePath} on the phone profile: ${n} steps (click Next → a frame after the next question), ${windows.length} traced`);
  console.log(`  step                 median ${f(median('step'))} ms   p95 ${f(p95('step'))} ms   mean ${f(mean('step'))} ms`);
  console.log('  the page\'s calls (mean ms per step, each including the work it forces):');
  for (const k of ['storage', 'history', 'forced', 'focus', 'blur', 'host']) {
    const label = { storage: 'storage (session)', history: 'history push/replace', forced: 'style+layout at focus', focus: 'focus itself', blur: 'blur', host: 'event to the host' }[k];
    console.log(`    ${label.padEnd(22)} ${f(mean(k))}   (median ${f(median(k))})`);
  }
  console.log('  main thread inside the steps, by kind (mean ms per step, self time, from the trace):');
  const traced = windows.length || 1;
  for (const [kind, ms] of Object.entries(totals).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${kind.padEnd(22)} ${f(ms / traced)}`);
  }
  const windowMs = windows.reduce((s, [a, b]) => s + (b - a), 0) / 1000 / traced;
  const busy = Object.values(totals).reduce((s, v) => s + v, 0) / traced;
  console.log(`    ${'idle or off-thread'.padEnd(22)} ${f(windowMs - busy)}   (of ${windowMs.toFixed(2)} ms traced per step)`);
  console.log('  main thread CPU time inside the steps, by kind (mean ms per step, thread time: other load hardly moves it):');
  for (const [kind, ms] of Object.entries(cpu).sort((a, b) => b[1] - a[1])) console.log(`    ${kind.padEnd(22)} ${f(ms / traced)}`);
  console.log(`    ${'all'.padEnd(22)} ${f(Object.values(cpu).reduce((s, v) => s + v, 0) / traced)}`);
  // The sampled profile, clipped to the steps: self time by what ran.
  const nodes = new Map(profile.nodes.map(node => [node.id, node]));
  const byWhat = {};
  let ts = profile.startTime;
  profile.samples.forEach((id, k) => {
    ts += profile.timeDeltas[k] || 0;
    if (!windows.some(([a, b]) => ts >= a && ts < b)) return;
    const frame = nodes.get(id).callFrame;
    const file = frame.url.split('/').pop();
    const what = file.endsWith('.wasm') || /^(\$|wasm-function)/.test(frame.functionName) ? 'wasm (the app: Yew, the engine, the views)'
      : frame.url.includes('/wasm/') ? 'wasm-bindgen glue'
      : frame.url === '' ? (frame.functionName || '(anonymous native)')
      : file.startsWith('leg-pain-quiz') ? 'the loader' : 'the measuring script';
    const next = profile.timeDeltas[k + 1] || 0;
    byWhat[what] = (byWhat[what] || 0) + next / 1000;
  });
  console.log('  sampled profile inside the steps, self time (mean ms per step):');
  for (const [what, ms] of Object.entries(byWhat).sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`    ${what.padEnd(44)} ${f(ms / traced)}`);
  }
  const json = { steps: n, profile_mean_ms: Object.fromEntries(Object.entries(byWhat).map(([k, v]) => [k, v / traced])), step_ms: { median: median('step'), p95: p95('step'), mean: mean('step') },
    calls_mean_ms: Object.fromEntries(['storage', 'history', 'forced', 'focus', 'blur', 'host'].map(k => [k, mean(k)])),
    main_thread_mean_ms: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / traced])),
    main_thread_cpu_mean_ms: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / traced])) };
  console.log(JSON.stringify(json));
}
