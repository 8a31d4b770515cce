// Line icons as inline SVG (24×24, stroke = currentColor). Emoji fonts are often
// missing on servers and kiosks, so the simulator draws its own.
const PATHS = {
  sticker: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18Z M8.5 14.5c1.8 2 5.2 2 7 0 M9 9.5h.01 M15 9.5h.01',
  image: 'M4 5h16v14H4Z M4 16l5-5 4 4 3-3 4 4 M15.5 8.5h.01',
  send: 'M4 12l16-8-6 16-2.5-6.5Z M11.5 13.5L20 4',
  menu: 'M4 7h16 M4 12h16 M4 17h16',
  card: 'M3 6h18v12H3Z M7 10a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M6 15c.8-1.6 4.2-1.6 5 0 M14 10h4 M14 13h4',
  file: 'M6 3h8l4 4v14H6Z M14 3v4h4',
  pin: 'M12 21s-6-6.2-6-11a6 6 0 0 1 12 0c0 4.8-6 11-6 11Z M12 8a2 2 0 1 0 0 4a2 2 0 1 0 0-4',
  link: 'M14 4h6v6 M20 4l-9 9 M18 14v6H4V6h6',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
};

export function icon(name, size = 24) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon icon-${name}`);
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', PATHS[name] || PATHS.file);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.8');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/** Fill every <span data-icon="name"> in the page. */
export function fillIcons(root = document) {
  for (const slot of root.querySelectorAll('[data-icon]')) slot.replaceChildren(icon(slot.dataset.icon, Number(slot.dataset.size) || 24));
}
