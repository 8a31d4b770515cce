// Live updates that never steal focus or lose a draft. The tabs refresh every
// few seconds; replacing nodes (or even moving one) blurs whatever the officer is
// typing in or standing on. So: keyed lists whose nodes stay put, content
// re-rendered only when the data changed, and focus put back by a stable key.

/**
 * Make `container`'s children the nodes of `items` in order, by key: existing nodes are
 * kept (and `update`d), only nodes out of place are moved, stale ones removed.
 * `nodes` (a Map key → {node, ...}) persists between calls. `empty` shows when there are none.
 */
export function patchKeyed(container, nodes, items, { key, create, update, empty }) {
  const wanted = [];
  const seen = new Set();
  for (const item of items) {
    const k = key(item);
    seen.add(k);
    let entry = nodes.get(k);
    if (entry) update?.(entry, item);
    else nodes.set(k, (entry = create(item)));
    wanted.push(entry.node);
  }
  for (const [k, entry] of nodes) {
    if (!seen.has(k)) {
      entry.node.remove();
      nodes.delete(k);
    }
  }
  if (wanted.length === 0 && empty) wanted.push(empty);
  for (const child of [...container.children]) if (!wanted.includes(child)) child.remove();
  wanted.forEach((node, i) => {
    // insertBefore on a node already in place would still detach it (and blur it).
    if (container.children[i] !== node) container.insertBefore(node, container.children[i] ?? null);
  });
}

/**
 * Re-render `container` with `render()` only when `signature` (any JSON-able value)
 * changed since the last call. A focused element inside with a `data-focus-key` gets
 * the focus back on its re-rendered twin. Returns whether it re-rendered.
 */
export function renderIfChanged(container, signature, render) {
  const sig = JSON.stringify(signature);
  if (container.dataset.sig === sig) return false;
  container.dataset.sig = sig;
  const active = document.activeElement;
  const focusKey = active && container.contains(active) ? active.dataset.focusKey : undefined;
  container.replaceChildren(...[render()].flat());
  if (focusKey) {
    const twin = [...container.querySelectorAll('[data-focus-key]')].find((el) => el.dataset.focusKey === focusKey);
    twin?.focus();
  }
  return true;
}

/** Forget the last signature, so the next renderIfChanged draws again (after an action). */
export function invalidate(container) {
  delete container.dataset.sig;
}

/** A draft store for reply boxes: survives refreshes, a card that goes and comes back, a reload of the page. */
export function draftStore(prefix) {
  const name = (k) => `motcua.draft.${prefix}.${k}`;
  return {
    get: (k) => sessionStorage.getItem(name(k)) ?? '',
    set: (k, v) => (v ? sessionStorage.setItem(name(k), v) : sessionStorage.removeItem(name(k))),
  };
}

/** "vừa xong", "5 phút", "2 giờ 10 phút", "3 ngày": how long since `iso`. */
export function elapsedSince(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'vừa xong';
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} giờ ${minutes % 60} phút` : `${hours} giờ`;
  return `${Math.floor(hours / 24)} ngày`;
}
