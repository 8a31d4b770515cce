// Test citizens kept in this browser (localStorage): id, name and phone used
// for "Chia sẻ thông tin". ?user=&name=&phone= in the URL adds or selects one.
const LIST_KEY = 'motcua.sim.citizens';
const CURRENT_KEY = 'motcua.sim.current';
const DEFAULT = { name: 'Nguyễn Văn An', phone: '0912345678' };

export function newUserId() {
  // Zalo OA-scoped ids are long digit strings; mimic that so ids look real in the console.
  const digits = crypto.getRandomValues(new Uint32Array(4));
  return ('8' + Array.from(digits, (n) => String(n).padStart(10, '0')).join('')).slice(0, 19);
}

function load() {
  try {
    const list = JSON.parse(localStorage.getItem(LIST_KEY) || '[]');
    return Array.isArray(list) ? list.filter((c) => c && typeof c.userId === 'string') : [];
  } catch {
    return [];
  }
}

function save(list) {
  localStorage.setItem(LIST_KEY, JSON.stringify(list));
}

export function listCitizens() {
  return load();
}

export function addCitizen({ userId, name, phone }) {
  const list = load();
  const citizen = { userId: userId || newUserId(), name, phone };
  const i = list.findIndex((c) => c.userId === citizen.userId);
  if (i >= 0) list[i] = citizen;
  else list.push(citizen);
  save(list);
  selectCitizen(citizen.userId);
  return citizen;
}

export function selectCitizen(userId) {
  localStorage.setItem(CURRENT_KEY, userId);
}

/** The citizen to chat as: from the URL, the last one used, or a new default one. */
export function currentCitizen(search = location.search) {
  const params = new URLSearchParams(search);
  const fromUrl = params.get('user');
  if (fromUrl) {
    const known = load().find((c) => c.userId === fromUrl);
    return addCitizen({
      userId: fromUrl,
      name: params.get('name') || (known && known.name) || DEFAULT.name,
      phone: params.get('phone') || (known && known.phone) || DEFAULT.phone,
    });
  }
  const list = load();
  const current = list.find((c) => c.userId === localStorage.getItem(CURRENT_KEY));
  return current || list[0] || addCitizen({ ...DEFAULT });
}
