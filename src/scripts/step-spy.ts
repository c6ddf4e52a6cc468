/**
 * Which step is being read, on pages with numbered steps (1.4, /all/): the step that crosses a band
 * a third of the way down the screen. The sidebar's and the phone bar's links to it get
 * `aria-current="true"`, and the phone bar says "Step 3 of 8". A jump from the phone bar closes its list.
 */
const steps = [...document.querySelectorAll<HTMLElement>('.step[id^="step-"]')];
const label = document.querySelector('[data-step-jump-label]');
const jump = document.querySelector<HTMLDetailsElement>('.step-jump details');
const first = label?.textContent ?? '';
const crossing = new Set<Element>();
let current: HTMLElement | undefined;

function mark(step: HTMLElement | undefined): void {
  if (step === current) return;
  current = step;
  for (const a of document.querySelectorAll('.nav-steps a[aria-current], .step-jump a[aria-current]')) a.removeAttribute('aria-current');
  if (step) for (const a of document.querySelectorAll(`:is(.nav-steps, .step-jump) a[href$="#${step.id}"]`)) a.setAttribute('aria-current', 'true');
  if (label) label.textContent = step ? `Step ${steps.indexOf(step) + 1} of ${steps.length}` : first;
}

const band = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) entry.isIntersecting ? crossing.add(entry.target) : crossing.delete(entry.target);
    // Between two steps, or below them all, the last step begun above the band is marked (a jump can
    // carry steps past the band unseen); above the first, none is.
    mark(steps.find((s) => crossing.has(s)) ?? steps.findLast((s) => s.getBoundingClientRect().top < innerHeight / 3));
  },
  { rootMargin: '-33% 0px -62% 0px' },
);
for (const step of steps) band.observe(step);

jump?.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('a')) jump.open = false;
});
