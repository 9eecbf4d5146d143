// Hash routes: #/welcome, #/profile, #/assessments, #/a/12/item/II-3, #/a/12/part2/reach,
// #/a/12/review, #/a/12/declaration, #/a/12/submit.

const routes = [];
let onRoute = null;

export function route(pattern, view) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
  routes.push({ regex, names, view });
}

export function start(handler) {
  onRoute = handler;
  window.addEventListener('hashchange', dispatch);
}

/** The route in the address, without '#': "/a/12/item/II-3"; "/" when there is none. */
export function currentPath() {
  return decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
}

/** Draws the current route; before start() has given a handler there is nothing to draw yet. */
export function dispatch() {
  if (!onRoute) return;
  const path = currentPath();
  for (const r of routes) {
    const m = path.match(r.regex);
    if (m) {
      const params = Object.fromEntries(r.names.map((n, i) => [n, m[i + 1]]));
      onRoute(r.view, params, path);
      return;
    }
  }
  onRoute(null, {}, path);
}

export function go(path) {
  const hash = `#${path}`;
  if (location.hash === hash) dispatch(); else location.hash = hash;
}
