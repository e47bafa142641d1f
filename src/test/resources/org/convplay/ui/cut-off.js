// What a phone would not show: a visible element beyond the left or right edge (unless it sits in a box that
// scrolls sideways on its own, such as a wide matrix), a field's label, a select's value or a table cell cut off, and the page
// itself scrolling sideways. Returns one line per problem; PagesIT runs it at 390 px.
const problems = [];
const name = x => x.tagName.toLowerCase() + (x.id ? '#' + x.id : '');
const parentOf = e => e.assignedSlot || e.parentElement || e.getRootNode().host;
const path = e => {
  const names = [];
  for (let x = e; x && x.tagName !== 'VAADIN-APP-LAYOUT' && names.length < 4; x = parentOf(x)) names.push(name(x));
  return names.join(' < ');
};
// the box the whole page scrolls in: what sticks out of it is beyond the phone's edge
const pageBox = document.querySelector('vaadin-app-layout')?.shadowRoot.querySelector('[content]');
const inOwnScrollBox = e => {
  for (let x = parentOf(e); x && x !== pageBox && x.tagName !== 'VAADIN-APP-LAYOUT' && x !== document.body; x = parentOf(x)) {
    const s = getComputedStyle(x);
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && x.getBoundingClientRect().right <= innerWidth + 1) {
      return true;
    }
  }
  return false;
};
const all = [];
const walk = root => {
  for (const e of root.querySelectorAll('*')) {
    all.push(e);
    if (e.shadowRoot) walk(e.shadowRoot);
  }
};
walk(document);
let seen = 0;
// one line per element that sticks out, not one more for each of its parts
const reported = new Set();
const insideReported = e => { for (let x = parentOf(e); x; x = parentOf(x)) if (reported.has(x)) return true; return false; };
for (const e of all) {
  // the connection indicator is hidden until the server goes away
  if (e.closest('vaadin-connection-indicator') || !e.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
  const r = e.getBoundingClientRect();
  if (r.width === 0) continue;
  seen++;
  if ((r.right > innerWidth + 1 || r.left < -1) && !inOwnScrollBox(e) && !insideReported(e)) {
    reported.add(e);
    problems.push('beyond the edge: ' + path(e) + ' at ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  const clipped = e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible';
  if (clipped && e.getRootNode().host && (e.getAttribute('part') === 'label' || e.matches('vaadin-select-value-button > *'))
      || clipped && e.tagName === 'VAADIN-GRID-CELL-CONTENT') {
    const text = e.textContent.trim()
        || [...e.querySelectorAll('slot')].flatMap(s => s.assignedNodes({flatten: true})).map(n => n.textContent).join('').trim();
    problems.push('cut off: ' + path(e) + ' "' + text + '" needs ' + e.scrollWidth + ' px, has ' + e.clientWidth);
  }
}
for (const s of [document.documentElement, pageBox]) {
  if (s && s.scrollWidth > s.clientWidth) problems.push('the page scrolls sideways: ' + name(s) + ' ' + s.scrollWidth + ' > ' + s.clientWidth);
}
if (seen < 10) problems.push('only ' + seen + ' visible elements: nothing was checked');
return problems;
